#!/usr/bin/env python3
"""Times whole processes with a high-resolution clock (bench/batch.sh): /usr/bin/time counts in
10 ms steps, and a `lede analyze --jsonl` run of the 5 MB corpus takes about 90 ms.

  python3 bench/proc_time.py RUNS STDIN OUT -- CMD ARGS...

Runs CMD RUNS times, one after the other, its stdin from STDIN and its stdout to OUT (/dev/null),
and prints one line per run: the wall seconds (time.perf_counter from just before the fork to just
after the wait), the CPU seconds (user + system of the child and its threads, from wait4) and the
peak resident memory in KB.
The runner's own fork and exec are inside the wall figure (about a millisecond), the same for
every command it times.
"""
import os
import sys
import time


def run(cmd, stdin, stdout):
    with open(stdin, 'rb') as fin, open(stdout, 'wb') as fout:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(fin.fileno(), 0)
            os.dup2(fout.fileno(), 1)
            try:
                os.execvp(cmd[0], cmd)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f'proc_time: {" ".join(cmd)} exited with {os.waitstatus_to_exitcode(status)}')
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    if len(sys.argv) < 6 or sys.argv[4] != '--':
        sys.exit(__doc__)
    runs, stdin, stdout, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[5:]
    for _ in range(runs):
        wall, cpu, rss = run(cmd, stdin, stdout)
        print(f'{wall:.6f} {cpu:.6f} {rss}', flush=True)


if __name__ == '__main__':
    main()
