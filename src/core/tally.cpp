#include "core/tally.hpp"

#include "core/review.hpp"

namespace lede {

void Tally::count(const Annotation& an, size_t one) {
  (an.status == Status::suggested ? suggested : an.status == Status::accepted ? accepted : rejected) += one;
  if (!is_claim(an) || an.status == Status::rejected) return;
  claims += one;
  if (an.review && an.review->status == ReviewStatus::checked) checked += one;
}

Tally tally_of(const std::vector<Annotation>& annotations) {
  Tally t;
  for (const Annotation& an : annotations) t.add(an);
  return t;
}

}  // namespace lede
