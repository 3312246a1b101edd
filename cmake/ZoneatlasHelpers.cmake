# One line per module or test, in the manner of Abseil's absl_cc_library():
#
#   zoneatlas_library(NAME geo SRCS store.cpp ... DEPS zoneatlas::core)
#   zoneatlas_test(NAME geo_test SRCS store_test.cpp DEPS zoneatlas::geo)
#
# A library is exported as zoneatlas::NAME; its folder is its namespace, and the
# repository root is the include root ("geo/store.hpp").

function(zoneatlas_library)
  cmake_parse_arguments(ZL "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(zoneatlas_${ZL_NAME} STATIC ${ZL_SRCS})
  add_library(zoneatlas::${ZL_NAME} ALIAS zoneatlas_${ZL_NAME})
  target_include_directories(zoneatlas_${ZL_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(zoneatlas_${ZL_NAME} PUBLIC ${ZL_DEPS})
endfunction()

function(zoneatlas_test)
  cmake_parse_arguments(ZT "" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${ZT_NAME} ${ZT_SRCS})
  target_link_libraries(${ZT_NAME} PRIVATE ${ZT_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  add_test(NAME ${ZT_NAME} COMMAND ${ZT_NAME})
  if(ZT_LABELS)
    set_tests_properties(${ZT_NAME} PROPERTIES LABELS "${ZT_LABELS}")
  endif()
endfunction()
