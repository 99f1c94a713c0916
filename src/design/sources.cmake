# Designing token requests against a live response: completion paths, null diagnosis, the response
# preview with value spans, and form <-> HCL expression conversions (QtCore only).
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/expressiondesign.h ${CMAKE_CURRENT_LIST_DIR}/expressiondesign.cpp
)
