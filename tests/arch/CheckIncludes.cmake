# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layer rules of DESIGN.md, checked on the #include lines of the tree (the link rules alone would let a
# core file include a widget header that happens to be on the include path). Run by ctest:
#   cmake -DSOURCE_DIR=<repo> -P tests/arch/CheckIncludes.cmake

set(violations "")

# rule: files under <folder> must not include anything matching <regex>, unless it matches the optional
# fourth argument (the exception)
function(tb_check_folder folder regex why)
    set(except "${ARGV3}")
    file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(file ${files})
        file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
        foreach(line ${lines})
            if(line MATCHES "${regex}" AND (except STREQUAL "" OR NOT line MATCHES "${except}"))
                file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
                string(STRIP "${line}" line)
                list(APPEND violations "${rel}: ${line} (${why})")
            endif()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

# Widget and GUI headers: the module headers, and the classes of QtWidgets and QtGui a core file might reach for.
set(widgets "<(QtWidgets|QtGui|QWidget|QMainWindow|QDialog|QApplication|QGuiApplication|QPainter|QPixmap|QIcon|QColor|QFont|QImage|QClipboard|QKeySequence|QTextDocument|QDesktopServices|QPalette|QScreen|QWindow|QAction|QMessageBox|QAbstractButton|QLabel)[/>]?")
tb_check_folder(core "${widgets}" "core never uses widgets or GUI types")
tb_check_folder(core "\"ui/" "core never includes ui")
tb_check_folder(core/sandbox "\"core/(model|auth|graph|store|setup|sync|logs)/|\"core/[A-Za-z]+\\.h\"" "the sandbox is independent of the client")
tb_check_folder(core/model "<(QtNetwork|QtSql|QNetwork|QSql)|\"core/(auth|graph|store|setup|sync|logs)/" "model is plain values")
tb_check_folder(core/store "<(QtNetwork|QNetwork)|\"core/(auth|graph|setup|sync|logs)/" "store knows no network")
tb_check_folder(core/graph "<(QtSql|QSql)|\"core/(store|setup|sync|logs)/|\"core/auth/" "graph talks to auth only through AccessTokenSource"
               "\"core/auth/(AccessTokenSource|TokenRequest|TokenResult)\\.h\"")
tb_check_folder(core/auth "<(QtSql|QSql)|\"core/(graph|store|setup|sync|logs)/" "auth knows no graph or store")
# The client reaches the sandbox only over HTTP, like any other service.
foreach(folder model auth graph store setup sync logs)
    tb_check_folder(core/${folder} "\"core/sandbox/" "the client never links the emulator")
endforeach()
tb_check_folder(ui "<(QtNetwork|QNetwork|QTcp|QUdp|QSsl|QHostAddress|QLocalSocket|QLocalServer|QHttp|QDns|QtSql|QSql|qt6keychain|keychain)|\"core/sandbox/" "ui reaches the network, SQL and keychain only through core")

if(violations)
    list(LENGTH violations count)
    string(REPLACE ";" "\n  " text "${violations}")
    message(FATAL_ERROR "${count} include(s) break the layer rules:\n  ${text}")
endif()
message(STATUS "layer rules hold")
