# Writing edits back into the file they came from: Couper save-back and the unified diff shown before writing.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/unifieddiff.h ${CMAKE_CURRENT_LIST_DIR}/unifieddiff.cpp
    ${CMAKE_CURRENT_LIST_DIR}/couperwriter.h ${CMAKE_CURRENT_LIST_DIR}/couperwriter.cpp
)
