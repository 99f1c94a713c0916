# Secrets: the keychain (QtKeychain, linked PRIVATE by src/CMakeLists.txt) and env.NAME resolution from it.
# util/securebytes.* is listed by src/jwt/sources.cmake.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.h ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/secretresolution.h ${CMAKE_CURRENT_LIST_DIR}/secretresolution.cpp
)
