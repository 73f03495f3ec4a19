// A small averaged-perceptron classifier for capitalised name candidates that the lexicons do not
// know: none | person | organization | place. Features are hashed and computed by features(),
// which the trainer (tools/train, `lede train`) and the analyzer share.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analysis/lexicon.hpp"

namespace lede::analysis {

struct Doc;

enum ModelClass : int { C_NONE = 0, C_PER = 1, C_ORG = 2, C_LOC = 3, C_COUNT = 4 };

class Model {
 public:
  static Model embedded();                       // assets/model/ner.tsv as compiled in, empty model if absent
  static Model parse(std::string_view text);     // the plain-text weight format
  static Model decode(std::string_view bin);     // its compact form (tools/pack_model.py); empty if malformed
  bool empty() const { return weights_.empty(); }
  // Scores for the candidate tokens [t0, t1) of d.
  std::array<float, C_COUNT> score(const Doc& d, uint32_t t0, uint32_t t1) const;
  int classify(const Doc& d, uint32_t t0, uint32_t t1, float* margin = nullptr) const;
  static void features(const Doc& d, uint32_t t0, uint32_t t1, std::vector<uint64_t>& out);
  // The weight table's key for a feature hash: 36 of its bits, mixed so that each depends on all 64.
  // 36-bit keys pack into about 2.9 bytes each where 64-bit ones take 8 (the table's keys are most
  // of the download's model), and an unknown feature matches a key by chance once in about 2.6e6
  // look-ups (2^36 / the ~26,000 keys): none changed an annotation on the benchmark corpora
  // (bench/README.md). tools/pack_model.py computes the same.
  static constexpr int kKeyBits = 36;
  static uint64_t key(uint64_t feature) { return ((feature ^ (feature >> 32)) * 0xFF51AFD7ED558CCDull) >> (64 - kKeyBits); }

  // The file's integer weights (weight = w * scale_) by key(feature): a 16-byte slot instead of 24 keeps more of
  // the table in cache, and w * scale_ is the same float either way.
  FlatMap<std::array<int16_t, C_COUNT>> weights_;
  float scale_ = 1.0f;
  std::array<float, C_COUNT> bias_{};
  // the weights of the features that take only a few values (model.cpp: fixed_slot)
  static constexpr int kFixed = 11;
  std::array<std::array<int32_t, C_COUNT>, kFixed> fixed_{};
  void fill_fixed();  // fixed_ from weights_
};

}  // namespace lede::analysis
