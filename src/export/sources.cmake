# Exporters (Couper HCL, curl script, oauth2c, .http, Kyma TokenRequest), trace export (HAR, Markdown)
# and importers (curl command, .http token request). QtCore only.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/exporter.h ${CMAKE_CURRENT_LIST_DIR}/exporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenplan.h ${CMAKE_CURRENT_LIST_DIR}/tokenplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/betaplan.h ${CMAKE_CURRENT_LIST_DIR}/betaplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/couperexporter.h ${CMAKE_CURRENT_LIST_DIR}/couperexporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlexporter.h ${CMAKE_CURRENT_LIST_DIR}/curlexporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/oauth2cexporter.h ${CMAKE_CURRENT_LIST_DIR}/oauth2cexporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httpfileexporter.h ${CMAKE_CURRENT_LIST_DIR}/httpfileexporter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/kymatokenrequest.h ${CMAKE_CURRENT_LIST_DIR}/kymatokenrequest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resultjson.h ${CMAKE_CURRENT_LIST_DIR}/resultjson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/traceexport.h ${CMAKE_CURRENT_LIST_DIR}/traceexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shellwords.h ${CMAKE_CURRENT_LIST_DIR}/shellwords.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlimport.h ${CMAKE_CURRENT_LIST_DIR}/curlimport.cpp
)
