# Save-back into the file a workspace came from: the Couper writer and the unified diff (core only).
tokenbench_add_test(tst_couperwriter SOURCES saveback/tst_couperwriter.cpp LABELS unit)
tokenbench_add_test(tst_unifieddiff SOURCES saveback/tst_unifieddiff.cpp LABELS unit)
