# Against a REAL Secret Service: the throw-away gnome-keyring that scripts/test.sh starts in its private
# D-Bus session (../shared/reference/toolchain.md). QtKeychain's plain-text fallback is never used.
#
# secretstore_probe is not a test: tst_secretstore runs it with a dead or a silent session bus to see
# the no-keychain and timeout paths in a process of their own.
add_executable(secretstore_probe secrets/secretstoreprobe.cpp)
target_link_libraries(secretstore_probe PRIVATE Tokenbench::Core Tokenbench::Common)

tokenbench_add_test(tst_secretstore SOURCES secrets/tst_secretstore.cpp LABELS secrets)
target_compile_definitions(tst_secretstore PRIVATE TOKENBENCH_SECRETSTORE_PROBE="$<TARGET_FILE:secretstore_probe>")
add_dependencies(tst_secretstore secretstore_probe)

tokenbench_add_test(tst_secretcli SOURCES secrets/tst_secretcli.cpp LABELS "secrets;integration")
