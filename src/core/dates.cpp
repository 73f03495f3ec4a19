#include "core/dates.hpp"

#include <cstdlib>

namespace lede {

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (*m <= 2));
}

namespace {

// n digits at s[i]; -1 when they are not all digits.
int digits(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

void pad(std::string& s, int v, int width) {
  std::string d = std::to_string(v < 0 ? -v : v);
  if (v < 0) s += '-';
  for (int k = int(d.size()); k < width; ++k) s += '0';
  s += d;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// 0 = Monday ... 6 = Sunday of day z since 1970-01-01 (a Thursday).
int64_t weekday_of_days(int64_t z) { return ((z % 7) + 7 + 3) % 7; }

// Monday of ISO week 1 of year y.
int64_t iso_week1(int y) {
  int64_t jan4 = days_from_civil(y, 1, 4);
  return jan4 - weekday_of_days(jan4);
}

const char* const kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

// 1 = Monday ... 7 = Sunday from "Friday", "Fridays", "5"; 0 if none.
int weekday_number(std::string_view v) {
  if (v.size() == 1 && v[0] >= '1' && v[0] <= '7') return v[0] - '0';
  std::string low;
  for (char c : v) low += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (int k = 0; k < 7; ++k)
    if (low.rfind(kWeekdays[k], 0) == 0) return k + 1;
  return 0;
}

int iso_weekday(int y, int m, int d) {
  return int(weekday_of_days(days_from_civil(y, unsigned(m), unsigned(d)))) + 1;
}

bool parse_iso_date(std::string_view s, Ymd* out) {
  int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 1 || s.size() < 10 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return false;
  *out = {y, m, d};
  return true;
}

std::string iso_date(int y, int m, int d) {
  std::string s;
  pad(s, y, 4);
  s += '-';
  pad(s, m, 2);
  s += '-';
  pad(s, d, 2);
  return s;
}

std::string relative_date(const Ymd& ref, std::string_view unit, int off) {
  std::string r;
  if (!ref.ok()) return r;
  int64_t z = days_from_civil(ref.y, unsigned(ref.m), unsigned(ref.d));
  int y, m, d;
  if (unit == "day") {
    civil_from_days(z + off, &y, &m, &d);
    return iso_date(y, m, d);
  }
  if (unit == "year") { pad(r, ref.y + off, 4); return r; }
  if (unit == "month") {
    int mm = ref.y * 12 + (ref.m - 1) + off;
    pad(r, mm / 12, 4); r += '-'; pad(r, mm % 12 + 1, 2);
    return r;
  }
  if (unit == "week") {  // ISO week: the Thursday of the week decides the year
    z += 7 * int64_t(off);
    int64_t thu = z - weekday_of_days(z) + 3;
    civil_from_days(thu, &y, &m, &d);
    int64_t week = (thu - days_from_civil(y, 1, 1)) / 7 + 1;
    pad(r, y, 4); r += "-W"; pad(r, int(week), 2);
    return r;
  }
  if (unit == "quarter") {
    int q = ref.y * 4 + (ref.m - 1) / 3 + off;
    pad(r, q / 4, 4); r += "-Q"; r += char('1' + q % 4);
    return r;
  }
  return r;
}

std::string resolve_date_value(const std::string& value, std::string_view kind, const Ymd& ref) {
  std::string_view v = value;
  if (kind == "weekday" && !(v.size() >= 7 && (v[0] == '-' || (v[0] >= '0' && v[0] <= '9')))) {  // a resolved one is a date
    int wd = weekday_number(v);
    if (!wd || !ref.ok()) return "";
    int64_t z = days_from_civil(ref.y, unsigned(ref.m), unsigned(ref.d));
    int64_t ref_wd = weekday_of_days(z) + 1;
    int64_t back = (ref_wd - wd + 7) % 7;  // the latest such day on or before the reference
    int y, m, d;
    civil_from_days(z - back, &y, &m, &d);
    return iso_date(y, m, d);
  }
  if (v.rfind("rel:", 0) == 0) {
    if (!ref.ok()) return "";
    std::string_view rest = v.substr(4);
    std::string_view suffix;  // " afternoon" of a time
    if (size_t sp = rest.find(' '); sp != std::string_view::npos) { suffix = rest.substr(sp); rest = rest.substr(0, sp); }
    if (rest.size() == 2 && ((rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') || (rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')))) {
      std::string r;
      pad(r, ref.y, 4);
      return r + "-" + std::string(rest);
    }
    size_t k = rest.find_first_of("+-");
    if (k == std::string_view::npos) return "";
    std::string r = relative_date(ref, rest.substr(0, k), std::atoi(std::string(rest.substr(k)).c_str()));
    return r.empty() ? r : r + std::string(suffix);
  }
  if (v.size() == 7 && v[0] == '-' && v[1] == '-') {  // "--12-30": the year that puts it nearest, in the past rather than far ahead
    int m = digits(v, 2, 2), d = digits(v, 5, 2);
    if (!ref.ok() || m < 1 || m > 12 || d < 1 || d > 31) return "";
    int y = ref.y;
    int64_t z = days_from_civil(y, unsigned(m), unsigned(d)), r = days_from_civil(ref.y, unsigned(ref.m), unsigned(ref.d));
    if (z - r > 62) --y;        // "December 30" in an article of January 5: last December
    else if (r - z > 303) ++y;  // "January 2" in an article of December 20: next January
    return iso_date(y, m, d);
  }
  int64_t a, b;
  std::string plain = value;
  return date_span(plain, &a, &b) ? plain : "";
}

bool date_span(std::string_view s, int64_t* first, int64_t* last) {
  if (size_t sp = s.find(' '); sp != std::string_view::npos) s = s.substr(0, sp);  // "2024-01-05 afternoon"
  int y = digits(s, 0, 4);
  if (y < 1) return false;
  if (s.size() == 4) {
    *first = days_from_civil(y, 1, 1);
    *last = days_from_civil(y, 12, 31);
    return true;
  }
  if (s.size() < 7 || s[4] != '-') return false;
  if (s[5] == 'W' && s.size() == 8) {
    int w = digits(s, 6, 2);
    if (w < 1 || w > 53) return false;
    *first = iso_week1(y) + 7 * (w - 1);
    *last = *first + 6;
    return true;
  }
  if (s[5] == 'Q' && s.size() == 7) {
    int q = s[6] - '0';
    if (q < 1 || q > 4) return false;
    *first = days_from_civil(y, unsigned(3 * q - 2), 1);
    *last = days_from_civil(y, unsigned(3 * q), unsigned(days_in_month(y, 3 * q)));
    return true;
  }
  if (s[5] == 'H' && s.size() == 7) {  // a half year: "2024-H1"
    int h = s[6] - '0';
    if (h < 1 || h > 2) return false;
    *first = days_from_civil(y, unsigned(6 * h - 5), 1);
    *last = days_from_civil(y, unsigned(6 * h), unsigned(days_in_month(y, 6 * h)));
    return true;
  }
  int m = digits(s, 5, 2);
  if (m < 1 || m > 12) return false;
  if (s.size() == 7) {
    *first = days_from_civil(y, unsigned(m), 1);
    *last = days_from_civil(y, unsigned(m), unsigned(days_in_month(y, m)));
    return true;
  }
  Ymd d;
  if (!parse_iso_date(s, &d)) return false;
  *first = *last = days_from_civil(d.y, unsigned(d.m), unsigned(d.d));
  return true;
}

}  // namespace lede
