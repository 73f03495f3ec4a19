// lede analyze FILE | - | --jsonl [--jobs N] : the analysis core from the command line.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#ifdef LEDE_WITH_ANALYSIS
#include "core/analysis/analyze.hpp"
#include "core/analysis/lexicon.hpp"
#include "core/analysis/lexicon_image.hpp"
#include "core/analysis/model.hpp"
#include "core/article.hpp"
#include "core/json_input.hpp"
#include "core/json_writer.hpp"
#include "core/lede_file.hpp"
#include "core/limits.hpp"
#endif

#ifdef LEDE_WITH_ANALYSIS
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif
namespace lede::cli {

namespace {

// Before the tables load (--jsonl): on a virtual machine every first touch of a fresh page costs
// a trap into the hypervisor (16 us measured here, on the 2-core VM of bench/README.md), and the
// Analyzer's tables touch about 1,000 pages as they grow; a batch's worker threads, each with its
// own malloc arena, as many again. So: one arena; large blocks from the heap, kept for reuse after
// they are freed; and the heap's first 8 MB made present in one call (about 1 us a page).
void prepare_heap() {
#if defined(__linux__) && defined(__GLIBC__)
  constexpr size_t kPrefault = 8u << 20;
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, int(kPrefault));
  void* volatile grow = std::malloc(1 << 20);  // extends the heap by the pad (volatile: kept)
  // From the block on: the tables' first allocations reuse its megabyte once it is freed (left
  // out, it was 250 of an empty run's 313 page faults).
  uintptr_t from = reinterpret_cast<uintptr_t>(grow) & ~uintptr_t(4095);
  std::free(grow);
#ifdef MADV_POPULATE_WRITE
  uintptr_t top = reinterpret_cast<uintptr_t>(sbrk(0)) & ~uintptr_t(4095);
  if (from < top) madvise(reinterpret_cast<void*>(from), top - from, MADV_POPULATE_WRITE);  // Linux 5.14; else a no-op
#else
  (void)from;
#endif
#endif
}

// The lexicons: their tables as the build wrote them, ready to use (no parsing at start), or,
// without that image, parsed from the packed lexicons.
std::unique_ptr<analysis::Lexicon> load_lexicon() {
#ifdef LEDE_LEXICON_IMAGE
  if (std::unique_ptr<analysis::Lexicon> lex = analysis::Lexicon::from_image(analysis::lexicon_image())) return lex;
#endif
  return std::make_unique<analysis::Lexicon>();
}

// The analysis tables. With two threads to spare the lexicons and the model load at once, and
// every worker waits for both (bench/README.md, batch).
std::unique_ptr<Analyzer> load_analyzer(bool two_threads) {
  if (!two_threads) return std::make_unique<Analyzer>(load_lexicon(), analysis::Model::embedded());
  std::unique_ptr<analysis::Lexicon> lex;
  std::thread lexicons([&] { lex = load_lexicon(); });
  analysis::Model model = analysis::Model::embedded();
  lexicons.join();
  return std::make_unique<Analyzer>(std::move(lex), std::move(model));
}

// Reads one line (without its '\n') of at most max bytes. A longer line is consumed to its end
// without being kept, and *too_long says so. False at end of input with nothing read.
class LineReader {
 public:
  explicit LineReader(FILE* f) : f_(f) {}
  bool next(std::string* line, size_t max, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_) {
        len_ = std::fread(buf_, 1, sizeof buf_, f_);
        pos_ = 0;
        if (len_ == 0) return any;
      }
      any = true;
      const char* start = buf_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      size_t n = nl ? size_t(nl - start) : len_ - pos_;
      if (!*too_long) {
        if (line->size() + n > max) { *too_long = true; line->clear(); line->shrink_to_fit(); }
        else line->append(start, n);
      }
      pos_ += n;
      if (nl) { ++pos_; return true; }
    }
  }
  // A whole line waits in the buffer: next() answers it without reading (or waiting for) input.
  bool line_buffered() const { return std::memchr(buf_ + pos_, '\n', len_ - pos_) != nullptr; }

 private:
  FILE* f_;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
};

std::string json_error(const JsonInput& in) {
  switch (in.fault) {
    case JsonFault::too_deep: return "the JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
    case JsonFault::duplicate_key: return "the key \"" + in.key + "\" appears twice in one JSON object";
    case JsonFault::number_too_large: return "the line holds a number too large to represent";
    case JsonFault::out_of_memory: return "out of memory";
    default: return "line is not a JSON object";
  }
}

// One input line's answer, with its '\n', appended to out: {"annotations":[...],"id":ID} or
// {"error":"...","id":ID}, as nlohmann::json would dump them. False when the line failed.
bool answer_line(const Analyzer& analyzer, Analyzer::Workspace& ws, const std::string& line, bool too_long, JsonlLine* scratch,
                 std::string* out) {
  JsonWriter w(*out);
  const json* id = nullptr;
  auto fail = [&](const std::string& error) {
    w.raw("{\"error\":");
    w.string(error);
    w.raw(",\"id\":");
    if (id) w.value(*id);
    else w.raw("null");
    w.raw("}\n");
    w.finish();
    return false;
  };
  if (too_long) return fail("line is too long (the limit is " + std::to_string(kMaxJsonlLineBytes >> 20) + " MB)");
  if (line.find_first_not_of(" \t") == std::string::npos) return fail("blank line");
  read_jsonl_line(line, kMaxJsonDepth, scratch);
  const JsonInput& in = scratch->in;
  if (!in.ok) return fail(json_error(in));
  if (!in.value.is_object()) return fail("line is not a JSON object");
  auto it = in.value.find("id");
  if (it != in.value.end()) id = &*it;
  auto text = in.value.find("text");
  if (text == in.value.end() || !text->is_string()) return fail("missing string field \"text\"");
  const std::string& t = scratch->fast ? scratch->text : text->get_ref<const std::string&>();
  if (t.size() > kMaxArticleBytes)
    return fail("text is too large (the limit is " + std::to_string(kMaxArticleBytes >> 20) + " MB)");
  w.raw("{\"annotations\":[");
  bool first = true;
  analyzer.analyze_each(t, ws, [&](Annotation& a) {
    if (!first) w.raw(",");
    first = false;
    write_jsonl_suggestion(w, a);
  });
  w.raw("],\"id\":");
  if (id) w.value(*id);
  else w.raw("null");
  w.raw("}\n");
  w.finish();
  return true;
}

int report(size_t failed, size_t lines) {
  if (!failed) return 0;
  std::fprintf(stderr, "lede analyze --jsonl: %zu of %zu lines failed (their output lines hold \"error\")\n", failed, lines);
  return 1;
}

// A string that once held a long line gives its memory back.
void trim(std::string* s) {
  s->clear();
  if (s->capacity() > (4u << 20)) s->shrink_to_fit();
}

// One output line per input line, in order, blank lines included; exit 1 when any line failed.
int analyze_jsonl_serial(const Analyzer& analyzer) {
  auto in_reader = std::make_unique<LineReader>(stdin);  // its 64 KB buffer lives on the heap
  std::string line, out;
  JsonlLine scratch;
  Analyzer::Workspace ws;
  bool too_long = false;
  size_t lines = 0, failed = 0;
  while (in_reader->next(&line, kMaxJsonlLineBytes, &too_long)) {
    ++lines;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!answer_line(analyzer, ws, line, too_long, &scratch, &out)) ++failed;
    std::fwrite(out.data(), 1, out.size(), stdout);
    trim(&out);
  }
  return report(failed, lines);
}

// The same with `jobs` threads: a reader thread fills a ring of batches, the workers answer whole
// batches in any order, and this thread writes the answers in input order. A batch is the lines
// the reader has whole in its 64 KB buffer (at least one; about 16 news articles): handing over
// lines one by one cost a wake-up of two threads per line, as much as the analysis of a short one.
// At most 2 * jobs + 2 batches are held at once.
// The reader starts before the tables load, so the first batches wait ready for the workers.
int analyze_jsonl_parallel(unsigned jobs) {
  struct Batch {
    std::vector<std::string> lines;  // the first `count` are this batch's; the rest keep their memory
    std::vector<char> too_long;
    size_t count = 0, failed = 0;
    std::string out;
    bool done = false;
  };
  constexpr size_t kMaxBatchLines = 1024;
  const size_t ring = 2 * size_t(jobs) + 2;
  std::vector<Batch> batches(ring);
  std::mutex m;
  // Each waits on its own: the reader for a free batch, the workers for a batch to answer, this
  // thread for the next batch's answers (a wake-up of every thread at each change costs a core).
  std::condition_variable space, work, answered;
  size_t read = 0, taken = 0, written = 0;  // batches read, handed to a worker, written
  bool eof = false;

  std::thread reader([&] {
    auto in_reader = std::make_unique<LineReader>(stdin);
    for (bool more = true; more;) {
      {
        std::unique_lock<std::mutex> lock(m);
        space.wait(lock, [&] { return read - written < ring; });
      }
      Batch& b = batches[read % ring];  // free: its answers were written
      b.count = 0;
      do {
        if (b.lines.size() == b.count) {
          b.lines.emplace_back();
          b.too_long.push_back(0);
        }
        std::string& line = b.lines[b.count];
        bool too_long = false;
        if (!in_reader->next(&line, kMaxJsonlLineBytes, &too_long)) { more = false; break; }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        b.too_long[b.count++] = too_long;
      } while (b.count < kMaxBatchLines && in_reader->line_buffered());
      if (!b.count) break;
      std::lock_guard<std::mutex> lock(m);
      ++read;
      work.notify_one();
    }
    std::lock_guard<std::mutex> lock(m);
    eof = true;
    work.notify_all();
    answered.notify_one();
  });
  std::unique_ptr<const Analyzer> loaded = load_analyzer(true);
  const Analyzer& analyzer = *loaded;
  std::vector<std::thread> workers;
  for (unsigned k = 0; k < jobs; ++k)
    workers.emplace_back([&] {
      JsonlLine scratch;
      Analyzer::Workspace ws;
      for (;;) {
        size_t n;
        {
          std::unique_lock<std::mutex> lock(m);
          work.wait(lock, [&] { return taken < read || eof; });
          if (taken == read) return;  // eof and nothing left
          n = taken++;
        }
        Batch& b = batches[n % ring];
        b.failed = 0;
        for (size_t i = 0; i < b.count; ++i) {
          if (!answer_line(analyzer, ws, b.lines[i], b.too_long[i], &scratch, &b.out)) ++b.failed;  // appends
          trim(&b.lines[i]);
        }
        std::lock_guard<std::mutex> lock(m);
        b.done = true;
        if (n == written) answered.notify_one();  // the batch this thread waits for
      }
    });
  size_t failed = 0, lines = 0;
  for (;;) {
    Batch* b;
    {
      std::unique_lock<std::mutex> lock(m);
      answered.wait(lock, [&] { return batches[written % ring].done || (eof && written == read); });
      if (!batches[written % ring].done) break;
      b = &batches[written % ring];
    }
    std::fwrite(b->out.data(), 1, b->out.size(), stdout);
    failed += b->failed;
    lines += b->count;
    trim(&b->out);
    std::lock_guard<std::mutex> lock(m);
    b->done = false;
    ++written;
    space.notify_one();
  }
  reader.join();
  for (std::thread& t : workers) t.join();
  return report(failed, lines);
}

// `lede analyze FILE`: the suggestions go to stdout as the analysis finds them (StreamedLedeFile),
// never all held at once; --pretty (for people) builds the whole file first.
int analyze_file(const std::string& path, bool pretty) {
  std::string bytes, error;
  if (!read_input(path, &bytes, kMaxArticleBytes, &error)) {
    std::fprintf(stderr, "lede: %s\n", error.c_str());
    return 1;
  }
  ArticleResult art = article_from_file(path == "-" ? std::string("stdin.txt") : path, bytes);
  std::string().swap(bytes);
  if (!art.ok) {
    std::fprintf(stderr, "lede: %s: %s\n", path.c_str(), art.error.c_str());
    return 1;
  }
  AnnotationSet set;
  set.document = std::move(art.document);
  set.document.title = file_stem(path == "-" ? std::string("stdin") : path);
  set.labels = builtin_labels();
  std::unique_ptr<const Analyzer> loaded = load_analyzer(false);
  const Analyzer& analyzer = *loaded;
  size_t left_out = 0;
  auto to_stdout = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  StreamedLedeFile file(set, "lede analyze", to_stdout);
  if (!pretty && file.ok()) {
    analyzer.analyze_each(set.document.text, [&](Annotation& a) { file.add(a); });
    left_out = file.finish();
  } else {
    set.annotations = analyzer.analyze(set.document.text);
    left_out = cap_suggestions(&set.annotations);
    std::string out = write_lede_file(set, "lede analyze", pretty);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (out.empty() || out.back() != '\n') std::fputc('\n', stdout);
  }
  if (left_out)
    std::fprintf(stderr, "lede: %s: kept the first %zu suggestions; %zu more were left out (the limit of one file)\n",
                 path.c_str(), kMaxAnnotations, left_out);
  return 0;
}

}  // namespace

int analyze(int argc, char** argv) {
  bool pretty = false, jsonl = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string path;
  bool bad = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pretty") pretty = true;
    else if (a == "--jsonl") jsonl = true;
    else if (a == "--jobs" || a.rfind("--jobs=", 0) == 0) {
      std::string v = a == "--jobs" ? (i + 1 < argc ? argv[++i] : "") : a.substr(7);
      char* end = nullptr;
      unsigned long n = v.empty() ? 0 : std::strtoul(v.c_str(), &end, 10);
      if (n < 1 || n > 256 || *end) {
        std::fprintf(stderr, "lede analyze: --jobs takes a number of threads from 1 to 256, not \"%s\"\n", v.c_str());
        return 2;
      }
      jobs = unsigned(n);
    } else if (path.empty()) path = a;
    else bad = true;  // a second file
  }
  if (!bad && jsonl && path.empty()) {
    prepare_heap();
    if (jobs > 1) return analyze_jsonl_parallel(jobs);
    return analyze_jsonl_serial(*load_analyzer(false));
  }
  if (bad || jsonl || path.empty()) {
    std::fprintf(stderr, "usage: lede analyze [--pretty] FILE | - | --jsonl [--jobs N]\n");
    return 2;
  }
  return analyze_file(path, pretty);
}

}  // namespace lede::cli
#else  // the analysis core is not built (-DLEDE_WITH_ANALYSIS=OFF)
namespace lede::cli {
int analyze(int, char**) {
  std::fprintf(stderr, "lede analyze: this build has no analysis core (configure with -DLEDE_WITH_ANALYSIS=ON)\n");
  return 2;
}
}  // namespace lede::cli
#endif
