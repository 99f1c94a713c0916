# Around the token request (issue 3): backend transport settings, discovery, token cache, resource check.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.h ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/discovery.h ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokencache.h ${CMAKE_CURRENT_LIST_DIR}/tokencache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resourcecheck.h ${CMAKE_CURRENT_LIST_DIR}/resourcecheck.cpp
)
