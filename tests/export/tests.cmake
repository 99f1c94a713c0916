# Exporters, importers and trace export: each output read back by the tool that consumes it.
tokenbench_add_test(tst_curlimport SOURCES export/tst_curlimport.cpp LABELS unit)
tokenbench_add_test(tst_kymatokenrequest SOURCES export/tst_kymatokenrequest.cpp LABELS unit)
tokenbench_add_test(tst_exportconsumers SOURCES export/tst_exportconsumers.cpp export/exporttesthelpers.h
                    LABELS integration TIMEOUT 300)
tokenbench_add_test(tst_exportcanary SOURCES export/tst_exportcanary.cpp export/exporttesthelpers.h
                    LABELS integration TIMEOUT 300)
tokenbench_add_test(tst_exportdialog SOURCES export/tst_exportdialog.cpp GUI LABELS gui)
