// Calendar arithmetic shared by the analysis (relative dates against the article's date) and the
// timeline (dates on an axis): day numbers, ISO 8601 strings, and the analysis' date values
// resolved against a reference date (the article's publication date).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lede {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int* y, int* m, int* d);

// 1 = Monday ... 7 = Sunday: from "Friday", "Fridays", "5" (0 if none), and of a date.
int weekday_number(std::string_view v);
int iso_weekday(int y, int m, int d);

struct Ymd {
  int y = 0, m = 0, d = 0;
  bool ok() const { return y != 0; }
};
// "2024-01-05" or "2024-01-05T10:00:00Z" (the date part of an ISO 8601 date-time); false otherwise.
bool parse_iso_date(std::string_view s, Ymd* out);
std::string iso_date(int y, int m, int d);  // "2024-01-05"

// A relative date as the analysis writes it ("day", -1: yesterday; "week", -1: last week; "month",
// "year", "quarter") against the reference date: "2024-01-04", "2023-W52", "2023-12", "2023",
// "2024-Q1". Empty for another unit.
std::string relative_date(const Ymd& ref, std::string_view unit, int offset);

// A date or time value of the analysis resolved against ref (a publication date; may be unset):
// "rel:day-1" -> "2024-01-04", "rel:week-1", "rel:Q3", "--12-30" (a day without a year: the one
// nearest before or shortly after ref), weekday "Friday" or 5 (the latest on or before ref; a weekday
// the analysis placed after a date of the article, "2025-03-04" or "--03-04", as a date), a time
// "rel:day+0 afternoon" -> "2024-01-05 afternoon". Absolute values come back as they are; empty when
// the value cannot be placed (no ref for a relative one, "rel:summer-1", "1990s").
std::string resolve_date_value(const std::string& value, std::string_view kind, const Ymd& ref);

// The days [first, last] a resolved value covers: "2024-01-05", "2024-01", "2024", "2024-W01",
// "2024-Q1", "2024-01-05 afternoon". False when it is none of these.
bool date_span(std::string_view resolved, int64_t* first, int64_t* last);

}  // namespace lede
