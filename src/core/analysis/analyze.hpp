// The analysis core: finds actors, claims and numbers in English news text.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "core/annotation.hpp"

namespace lede {

namespace analysis { class Lexicon; class Model; struct Scratch; }

// Wall-clock seconds spent in each pass of one analyze() call (for bench/, `lede_bench --passes`).
struct PassTimes {
  double index = 0, tokenize = 0, sentences = 0, actors = 0, numbers = 0, claims = 0, actor_output = 0, output = 0;
  double total() const { return index + tokenize + sentences + actors + numbers + claims + actor_output + output; }
};

class Analyzer {  // loads the embedded lexicons/model once; immutable afterwards; analyze() is const and thread-safe
 public:
  Analyzer();  // from embedded assets
  // From tables already loaded: `lede analyze --jsonl --jobs N` loads the lexicons and the model
  // on two threads at once (two thirds and a quarter of an empty run's instructions).
  Analyzer(std::unique_ptr<analysis::Lexicon> lex, analysis::Model model);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Annotations (origin automatic, status suggested, ids s1, s2, ...) with code-point offsets into
  // utf8 (an invalid byte counts as one code point, as TextIndex counts it), sorted by start, end.
  // Relative dates ("yesterday", "last week") resolve against reference_date (the article's
  // publication date, ISO 8601) when it is one, else against a dateline in the text, else stay
  // relative ("rel:day-1").
  std::vector<Annotation> analyze(std::string_view utf8, PassTimes* times = nullptr, std::string_view reference_date = {}) const;
  // The same annotations in the same order, handed to emit one at a time in one reused Annotation
  // (emit may move from it), never all held at once: what `lede analyze` streams to its output.
  void analyze_each(std::string_view utf8, const std::function<void(Annotation&)>& emit, PassTimes* times = nullptr,
                    std::string_view reference_date = {}) const;

  // What one thread keeps between analyses: caches of the tables' answers per word, so a batch of
  // short articles (`lede analyze --jsonl`) runs near the speed of one long text. One per thread;
  // the output is the same as without.
  class Workspace {
   public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

   private:
    friend class Analyzer;
    std::unique_ptr<analysis::Scratch> scratch_;
    const Analyzer* owner_ = nullptr;
  };
  void analyze_each(std::string_view utf8, Workspace& ws, const std::function<void(Annotation&)>& emit, PassTimes* times = nullptr,
                    std::string_view reference_date = {}) const;

  const analysis::Lexicon& lexicon() const { return *lex_; }
  const analysis::Model& model() const { return *model_; }
  // Replaces the embedded name model (lede eval --model: a retrained model scored without a rebuild).
  // Not thread-safe: call before analyzing.
  void set_model(analysis::Model m);

 private:
  std::unique_ptr<analysis::Lexicon> lex_;
  std::unique_ptr<analysis::Model> model_;
};

}  // namespace lede
