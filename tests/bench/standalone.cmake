# For scripts/bench.sh while the top-level CMakeLists.txt does not include tests/bench/bench.cmake yet:
# passed as -DCMAKE_PROJECT_INCLUDE, it includes bench.cmake once the top-level directory is processed
# (where `if(TOKENBENCH_BUILD_BENCH) include(tests/bench/bench.cmake) endif()` sits once it is added).
cmake_language(EVAL CODE
    "cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\" CALL include \"${CMAKE_CURRENT_LIST_DIR}/bench.cmake\")")
