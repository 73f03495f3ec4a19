#include "core/panel_lists.hpp"

#include <algorithm>
#include <set>

#include "core/kinds.hpp"
#include "core/review.hpp"
#include "core/session.hpp"

namespace lede {

namespace {

// Kind, role and open suggestions of an entity, from its mentions (what a full read gives).
void settle(PanelLists::Entity& e, const std::vector<Annotation>& v) {
  e.kind.clear();
  e.role.clear();
  e.suggested.clear();
  for (size_t i : e.mentions) {
    if (e.kind.empty()) e.kind = v[i].attrs.str("kind");
    if (e.role.empty()) e.role = v[i].attrs.str("role");
    if (v[i].status == Status::suggested) e.suggested.push_back(i);
  }
}

// Takes out of a list (indices, ascending) the annotations in [first, last) before a change, moves
// those after by how many the change added or removed; where the new ones go.
size_t cut(std::vector<size_t>& list, size_t first, size_t last, ptrdiff_t moved) {
  auto lo = std::lower_bound(list.begin(), list.end(), first);
  auto hi = std::lower_bound(lo, list.end(), last);
  for (auto it = hi; it != list.end(); ++it) *it = size_t(ptrdiff_t(*it) + moved);
  size_t at = size_t(lo - list.begin());
  list.erase(lo, hi);
  return at;
}

template <class T>
void put(std::vector<T>& list, size_t at, std::vector<T>& fresh) {
  list.insert(list.begin() + ptrdiff_t(at), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
}

}  // namespace

// The lists of annotations [first, last), appended (a full read, or the part a change touched,
// read into empty lists).
void PanelLists::read_range(const Session& s, size_t first, size_t last) {
  const std::vector<Annotation>& v = s.annotations;
  for (size_t i = first; i < last; ++i) {
    const Annotation& an = v[i];
    if (an.status == Status::rejected) continue;
    int kind = kind_index(an.label);
    if (kind >= 0 && an.status == Status::suggested) suggested[kind].push_back(i);
    if (kind == int(KindId::actor)) {
      std::string name = an.attrs.str("entity");
      if (name.empty()) name = annotation_text(s, an);
      auto it = std::lower_bound(entities.begin(), entities.end(), name, [](const Entity& e, const std::string& n) { return e.name < n; });
      if (it == entities.end() || it->name != name) it = entities.insert(it, Entity{name, "", "", {}, {}});
      it->mentions.push_back(i);
    } else if (kind == int(KindId::claim)) {
      claims.push_back(i);
      claim_speaker.push_back(lede::claim_speaker(an.attrs));
      ++speaker_n_[claim_speaker.back()];
    } else if (kind == int(KindId::number)) {
      numbers.push_back(i);
    }
    if (an.origin == Origin::user || !an.note.empty()) notes.push_back(i);
  }
}

bool PanelLists::update(const Session& s) {
  if (session_ == &s && changes_ == s.changes) return false;
  const std::vector<Annotation>& v = s.annotations;
  int64_t from = 0, to = -1;
  if (session_ != &s || !touched_since(s, changes_, &from, &to)) {
    *this = PanelLists{};
    read_range(s, 0, v.size());
    for (Entity& e : entities) settle(e, v);
    read = v.size();
  } else if (from <= to) {
    // The annotations starting in [from, to] are read again; those after them moved by how many
    // the change added or removed; those before stay where they were.
    size_t first = size_t(std::lower_bound(v.begin(), v.end(), from, [](const Annotation& a, int64_t c) { return a.start < c; }) - v.begin());
    size_t last = first;
    while (last < v.size() && v[last].start <= to) ++last;
    const ptrdiff_t moved = ptrdiff_t(v.size()) - ptrdiff_t(count_);
    const size_t old_last = size_t(ptrdiff_t(last) - moved);
    PanelLists fresh;
    fresh.read_range(s, first, last);
    for (int k = 0; k < 3; ++k) put(suggested[k], cut(suggested[k], first, old_last, moved), fresh.suggested[k]);
    put(numbers, cut(numbers, first, old_last, moved), fresh.numbers);
    put(notes, cut(notes, first, old_last, moved), fresh.notes);
    // Claims and their speakers side by side.
    size_t at = size_t(std::lower_bound(claims.begin(), claims.end(), first) - claims.begin()), end = at;
    while (end < claims.size() && claims[end] < old_last) --speaker_n_[claim_speaker[end++]];
    claim_speaker.erase(claim_speaker.begin() + ptrdiff_t(at), claim_speaker.begin() + ptrdiff_t(end));
    put(claims, cut(claims, first, old_last, moved), fresh.claims);
    put(claim_speaker, at, fresh.claim_speaker);
    for (auto& [name, n] : fresh.speaker_n_) speaker_n_[name] += n;
    // Entities: those that lost or gained a mention are settled again, those left without one go.
    std::set<std::string> touched;
    for (Entity& e : entities) {
      size_t had = e.mentions.size();
      cut(e.suggested, first, old_last, moved);
      cut(e.mentions, first, old_last, moved);
      if (e.mentions.size() != had) touched.insert(e.name);
    }
    for (Entity& f : fresh.entities) {
      auto it = std::lower_bound(entities.begin(), entities.end(), f.name, [](const Entity& e, const std::string& n) { return e.name < n; });
      if (it == entities.end() || it->name != f.name) it = entities.insert(it, Entity{f.name, "", "", {}, {}});
      put(it->mentions, size_t(std::lower_bound(it->mentions.begin(), it->mentions.end(), first) - it->mentions.begin()), f.mentions);
      touched.insert(f.name);
    }
    for (const std::string& name : touched) {
      auto it = std::lower_bound(entities.begin(), entities.end(), name, [](const Entity& e, const std::string& n) { return e.name < n; });
      if (it->mentions.empty()) entities.erase(it);
      else settle(*it, v);
    }
    read = last - first;
  } else {
    read = 0;  // the change touched no annotation
  }
  speakers.clear();
  for (auto it = speaker_n_.begin(); it != speaker_n_.end();) {
    if (it->second == 0) it = speaker_n_.erase(it);
    else {
      if (!it->first.empty()) speakers.push_back(it->first);
      ++it;
    }
  }
  session_ = &s;
  changes_ = s.changes;
  count_ = v.size();
  return true;
}

}  // namespace lede
