# Benchmarks (issue 8): not tests, never run by ctest. scripts/bench.sh builds them in Release and runs
# them all against their baselines; each prints its figures and the ratio to a baseline measured in the
# same run. Included from the top-level CMakeLists.txt when TOKENBENCH_BUILD_BENCH is ON (needs the GUI).
include_guard(GLOBAL)

if(NOT TOKENBENCH_BUILD_GUI)
    message(FATAL_ERROR "TOKENBENCH_BUILD_BENCH needs TOKENBENCH_BUILD_GUI")
endif()

set(_bench_dir ${PROJECT_SOURCE_DIR}/tests/bench)

# The start-up hook lives in the widgets library (ui/benchhook.cpp); tokenbench calls it after show().
get_target_property(_ui_sources tokenbench_ui SOURCES)
if(NOT "benchhook.cpp" IN_LIST _ui_sources)
    target_sources(tokenbench_ui PRIVATE ${PROJECT_SOURCE_DIR}/ui/benchhook.h ${PROJECT_SOURCE_DIR}/ui/benchhook.cpp)
endif()
file(READ ${PROJECT_SOURCE_DIR}/app/gui/main.cpp _bench_main)
if(NOT _bench_main MATCHES "installBenchHook")
    # Until app/gui/main.cpp calls the hook, the bench tree builds tokenbench from a copy that does.
    message(STATUS "bench: app/gui/main.cpp does not call installBenchHook yet; using a copy that does")
    string(REPLACE "#include \"startup.h\"" "#include \"startup.h\"\n#include \"benchhook.h\"" _bench_main "${_bench_main}")
    string(REPLACE "    window.show();\n" "    window.show();\n    Tokenbench::Ui::installBenchHook(&window);\n"
           _bench_main "${_bench_main}")
    file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/bench/tokenbench_main.cpp CONTENT "${_bench_main}" @ONLY)
    set_property(TARGET tokenbench PROPERTY SOURCES ${CMAKE_BINARY_DIR}/bench/tokenbench_main.cpp)
    target_include_directories(tokenbench PRIVATE ${PROJECT_SOURCE_DIR}/app/gui)
endif()

# 1. Start-up baseline: a QMainWindow with a QLabel, measured by the same hook.
add_executable(bench_hellowindow ${_bench_dir}/hellowindow.cpp ${PROJECT_SOURCE_DIR}/ui/benchhook.cpp)
target_include_directories(bench_hellowindow PRIVATE ${PROJECT_SOURCE_DIR}/ui)
target_link_libraries(bench_hellowindow PRIVATE Qt6::Widgets Tokenbench::Common)

# 4. JWT verifications per second: Tokenbench's verifier against EVP_DigestVerify in the same process.
add_executable(bench_jwt ${_bench_dir}/bench_jwt.cpp ${_bench_dir}/benchsupport.h ${_bench_dir}/benchsupport.cpp)
target_include_directories(bench_jwt PRIVATE ${_bench_dir})
target_link_libraries(bench_jwt PRIVATE Tokenbench::Core OpenSSL::Crypto Tokenbench::Common)

# 5. A 50 MB response in the trace view: longest main-thread stall and memory, against a 1 KB one.
add_executable(bench_trace ${_bench_dir}/bench_trace.cpp ${_bench_dir}/benchsupport.h ${_bench_dir}/benchsupport.cpp)
target_include_directories(bench_trace PRIVATE ${_bench_dir})
target_link_libraries(bench_trace PRIVATE Tokenbench::Ui Qt6::Widgets Tokenbench::Common)

add_custom_target(bench_all DEPENDS tokenbench tokenbench-cli bench_hellowindow bench_jwt bench_trace)
