# Live token-request design helpers (core only).
tokenbench_add_test(tst_expressiondesign SOURCES design/tst_expressiondesign.cpp LABELS unit)
