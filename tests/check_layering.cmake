# Checks that #includes point down the layers of ARCHITECTURE.md:
#   core < platform < web, audit < geo, accounts (shared domain) < features < app
# that no feature includes another feature, and that each third-party library is
# included only by its adapter folder. Run as: cmake -DSOURCE_DIR=src -P check_layering.cmake
set(levels core=0 platform=1 web=2 audit=2 geo=3 accounts=3 app=5)
function(level_of module out)
  foreach(pair IN LISTS levels)
    string(REPLACE "=" ";" parts "${pair}")
    list(GET parts 0 name)
    list(GET parts 1 value)
    if(module STREQUAL name)
      set(${out} ${value} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} 4 PARENT_SCOPE)  # Every other folder is a feature.
endfunction()

# Third-party headers and the one folder allowed to include each.
set(adapters
  "boost/beast=platform/http" "boost/asio=platform/http" "soci/=platform/db" "sqlite3.h=platform/db"
  "libpq-fe.h=platform/db" "xapian.h=platform/search" "kainjow/=platform/view" "xlsxwriter.h=platform/formats"
  "minizip/=platform/formats" "expat.h=platform/formats"
  "qrencode.h=platform/formats" "muParser=platform/expressions" "libical/=platform/calendar")

file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} "${SOURCE_DIR}/*.cpp" "${SOURCE_DIR}/*.hpp")
set(violations "")
foreach(source IN LISTS sources)
  string(REGEX MATCH "^[^/]+" module "${source}")
  string(REGEX MATCH "^platform/[^/]+" platform_folder "${source}")
  level_of(${module} own_level)
  file(STRINGS ${SOURCE_DIR}/${source} includes REGEX "^#include [<\"]")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include [<\"]([^>\"]+)[>\"].*" "\\1" header "${line}")
    foreach(adapter IN LISTS adapters)
      string(REPLACE "=" ";" parts "${adapter}")
      list(GET parts 0 prefix)
      list(GET parts 1 allowed)
      string(FIND "${header}" "${prefix}" at)
      if(at EQUAL 0 AND NOT platform_folder STREQUAL allowed)
        list(APPEND violations "${source}: includes ${header}, which only ${allowed} may include")
      endif()
    endforeach()
    if(NOT header MATCHES "^[a-z_]+/[a-z_/]+\\.hpp$")
      continue()
    endif()
    string(REGEX MATCH "^[^/]+" included "${header}")
    if(NOT EXISTS ${SOURCE_DIR}/${included})
      continue()
    endif()
    level_of(${included} included_level)
    if(included_level GREATER own_level)
      list(APPEND violations "${source}: includes ${header} from a higher layer")
    elseif(included_level EQUAL own_level AND own_level GREATER_EQUAL 3 AND NOT included STREQUAL module)
      list(APPEND violations "${source}: includes ${header} from another module of its layer")
    endif()
  endforeach()
endforeach()
list(LENGTH sources count)
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "Layering violations:\n  ${text}")
endif()
message(STATUS "layering: ${count} files checked, no violations")
