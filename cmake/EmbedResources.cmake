# Embeds files into the binary so that zoneatlas runs from one file (as libkiwix does
# with its templates). zoneatlas_embed_add(name path) queues a file under a resource
# name; zoneatlas_embed_generate(OUTPUT var) writes the C++ source that holds them all,
# reachable through platform/resources/resources.hpp.

set(ZONEATLAS_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_generate.cmake)

function(zoneatlas_embed_add base)
  foreach(path IN LISTS ARGN)
    file(RELATIVE_PATH name ${base} ${path})
    set_property(GLOBAL APPEND PROPERTY ZONEATLAS_EMBED_ENTRIES "${name}=${path}")
    set_property(GLOBAL APPEND PROPERTY ZONEATLAS_EMBED_PATHS "${path}")
  endforeach()
endfunction()

# Like zoneatlas_embed_add, with `prefix/` before each name: files of node_modules become
# "static/vendor/leaflet/dist/leaflet.js".
function(zoneatlas_embed_add_as prefix base)
  foreach(path IN LISTS ARGN)
    file(RELATIVE_PATH name ${base} ${path})
    set_property(GLOBAL APPEND PROPERTY ZONEATLAS_EMBED_ENTRIES "${prefix}/${name}=${path}")
    set_property(GLOBAL APPEND PROPERTY ZONEATLAS_EMBED_PATHS "${path}")
  endforeach()
endfunction()

function(zoneatlas_embed_generate out_var)
  get_property(entries GLOBAL PROPERTY ZONEATLAS_EMBED_ENTRIES)
  get_property(paths GLOBAL PROPERTY ZONEATLAS_EMBED_PATHS)
  set(list_file ${CMAKE_CURRENT_BINARY_DIR}/embedded_files.txt)
  string(REPLACE ";" "\n" entries_text "${entries}")
  file(CONFIGURE OUTPUT ${list_file} CONTENT "${entries_text}\n")
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_resources.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DLIST=${list_file} -DOUTPUT=${output} -P ${ZONEATLAS_EMBED_SCRIPT}
    DEPENDS ${paths} ${list_file} ${ZONEATLAS_EMBED_SCRIPT}
    COMMENT "Embedding templates, assets and migrations")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
