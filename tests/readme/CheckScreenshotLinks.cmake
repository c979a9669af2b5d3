# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's pictures, checked against the test that makes them: every `![caption](resources/screenshots/X.png)`
# in README.md names a picture tests/gui/ReadmeScreenshotsTest.cpp saves, and that picture is committed under
# resources/screenshots; every picture the test saves is shown. Run by ctest:
#   cmake -DSOURCE_DIR=<repo> -P tests/readme/CheckScreenshotLinks.cmake

cmake_minimum_required(VERSION 3.25)

set(readme "${SOURCE_DIR}/README.md")
set(test_source "${SOURCE_DIR}/tests/gui/ReadmeScreenshotsTest.cpp")
set(folder "resources/screenshots")
set(problems "")

# The pictures the test saves: saveScreenshot(QStringLiteral("X.png")).
file(READ "${test_source}" source_text)
string(REGEX MATCHALL "saveScreenshot\\(QStringLiteral\\(\"[^\"]+\"\\)\\)" calls "${source_text}")
set(made "")
foreach(call ${calls})
    string(REGEX REPLACE "^saveScreenshot\\(QStringLiteral\\(\"([^\"]+)\"\\)\\)$" "\\1" name "${call}")
    list(APPEND made "${name}")
endforeach()
if(NOT made)
    list(APPEND problems "tests/gui/ReadmeScreenshotsTest.cpp saves no screenshot (saveScreenshot(QStringLiteral(\"X.png\")))")
endif()

# The images the README links into the folder.
file(READ "${readme}" readme_text)
string(REGEX MATCHALL "!\\[[^]]*\\]\\(${folder}/[^)]*\\)" links "${readme_text}")
set(shown "")
foreach(link ${links})
    string(REGEX REPLACE "^!\\[[^]]*\\]\\(${folder}/([^)]*)\\)$" "\\1" name "${link}")
    list(APPEND shown "${name}")
    if(NOT name IN_LIST made)
        list(APPEND problems "README.md shows ${folder}/${name}, which ReadmeScreenshotsTest.cpp does not make")
    endif()
    if(NOT EXISTS "${SOURCE_DIR}/${folder}/${name}")
        list(APPEND problems "README.md shows ${folder}/${name}, which is not in the tree (cmake --build build --target readme-screenshots)")
    endif()
endforeach()
foreach(name ${made})
    if(NOT name IN_LIST shown)
        list(APPEND problems "ReadmeScreenshotsTest.cpp makes ${name}, which README.md does not show")
    endif()
endforeach()

if(problems)
    list(LENGTH problems count)
    string(REPLACE ";" "\n  " text "${problems}")
    message(FATAL_ERROR "${count} problem(s) with the README's screenshots:\n  ${text}")
endif()
list(LENGTH shown count)
message(STATUS "README.md shows the ${count} screenshots the test makes")
