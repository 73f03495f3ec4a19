#include "core/annotation.hpp"

#include "core/kinds.hpp"

namespace lede {

const char* to_string(Origin o) { return o == Origin::automatic ? "auto" : "user"; }

const char* to_string(Status s) {
  switch (s) {
    case Status::suggested: return "suggested";
    case Status::rejected: return "rejected";
    default: return "accepted";
  }
}

bool parse_origin(const std::string& s, Origin* out) {
  if (s == "user") { *out = Origin::user; return true; }
  if (s == "auto") { *out = Origin::automatic; return true; }
  return false;
}

bool parse_status(const std::string& s, Status* out) {
  if (s == "suggested") { *out = Status::suggested; return true; }
  if (s == "accepted") { *out = Status::accepted; return true; }
  if (s == "rejected") { *out = Status::rejected; return true; }
  return false;
}

std::vector<Label> builtin_labels() {
  std::vector<Label> out;
  for (const Kind& k : kKinds) out.push_back({std::string(k.label), std::string(k.name), std::string(k.color)});
  return out;
}

void to_json(json& j, const Label& l) { j = json{{"id", l.id}, {"name", l.name}, {"color", l.color}}; }

void to_json(json& j, const Annotation& a) {
  j = json{{"id", a.id},         {"label", a.label}, {"origin", to_string(a.origin)},
           {"status", to_string(a.status)}, {"start", a.start}, {"end", a.end}};
  if (!a.note.empty()) j["note"] = a.note;
  j["attrs"] = a.attrs;
  if (!a.created.empty()) j["created"] = a.created;
  if (!a.modified.empty()) j["modified"] = a.modified;
  if (!a.author.empty()) j["author"] = a.author;
}

}  // namespace lede
