# Save-back into the file a workspace came from: the Couper writer and the unified diff (core only).
tokenbench_add_test(tst_couperwriter SOURCES saveback/tst_couperwriter.cpp LABELS unit)
tokenbench_add_test(tst_unifieddiff SOURCES saveback/tst_unifieddiff.cpp LABELS unit)
# What goes into and beside a Couper file: the Tokenbench-only settings' sidecar, expressions written as source.
tokenbench_add_test(tst_couperfilesettings SOURCES saveback/tst_couperfilesettings.cpp LABELS unit)
