#pragma once

class QWidget;

namespace Tokenbench::Ui {

// Start-up benchmark hook (tests/bench, scripts/bench.sh). Does nothing unless the environment variable
// TOKENBENCH_BENCH_EXIT_AFTER_SHOW is set to 1. Then, on the first paint of `window` after the events
// already queued at start (such as opening the file given on the command line) have been handled, it
// prints one line to stderr
//
//   tokenbench-bench: shown_ms=<ms since the process started> vmrss_kb=<VmRSS> vmhwm_kb=<VmHWM>
//
// and quits the application. The start time is the process's start in /proc/self/stat, so every
// program using the hook (tokenbench and the benchmark's hello window) is measured the same way.
void installBenchHook(QWidget* window);

} // namespace Tokenbench::Ui
