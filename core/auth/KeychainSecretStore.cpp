// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/KeychainSecretStore.h"

#include "core/CoreLogging.h"
#include "core/auth/SecretChunking.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <utility>

namespace tb::auth {

namespace {

using Kind = SecretStoreError::Kind;

bool containsAny(const QString& text, std::initializer_list<QLatin1String> needles)
{
    for (const QLatin1String needle : needles) {
        if (text.contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

// QtKeychain's codes, refined by the backend's text where it reports everything as OtherError: no session bus
// gives "Cannot autolaunch D-Bus without X11 $DISPLAY" (or GIO's "Could not connect"), a keyring without an
// unlocked login collection gives "Object does not exist at path .../collection/login" (auth-reference.md 3.3).
Kind kindOf(QKeychain::Error error, const QString& text)
{
    switch (error) {
    case QKeychain::NoError:
        return Kind::None;
    case QKeychain::EntryNotFound:
        return Kind::NotFound;
    case QKeychain::AccessDenied: // libsecret maps SECRET_ERROR_IS_LOCKED here
        return Kind::Locked;
    case QKeychain::AccessDeniedByUser:
        return Kind::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Kind::NoBackend;
    case QKeychain::CouldNotDeleteEntry:
        return Kind::Other;
    case QKeychain::OtherError:
        break;
    }
    if (containsAny(text,
            {QLatin1String("autolaunch"), QLatin1String("d-bus"), QLatin1String("dbus"),
                QLatin1String("could not connect"), QLatin1String("org.freedesktop.secrets"),
                QLatin1String("was not provided by any"), QLatin1String("no such file or directory")})) {
        return Kind::NoBackend;
    }
    if (containsAny(text,
            {QLatin1String("locked"), QLatin1String("/collection/login"),
                QLatin1String("object does not exist at path"), QLatin1String("no such secret collection")})) {
        return Kind::Locked;
    }
    if (containsAny(text, {QLatin1String("dismissed"), QLatin1String("denied")})) {
        return Kind::AccessDenied;
    }
    return Kind::Other;
}

const char* jobName(int type)
{
    switch (type) {
    case 0:
        return "read";
    case 1:
        return "write";
    default:
        return "delete";
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_chunkSize(SecretChunking::kDefaultChunkSize)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

KeychainSecretStore::Done KeychainSecretStore::finisher(
    const char* operation, const QString& key, QObject* context, ReadCallback callback) const
{
    QPointer<QObject> guard(context);
    const bool wanted = context != nullptr;
    return [operation, key, guard, wanted, callback = std::move(callback)](
               const SecretStoreError& error, const QByteArray& value) {
        // Key names and kinds only: values never reach a log.
        if (error.isError() && error.kind() != Kind::NotFound) {
            qCWarning(lcAuth) << "keychain" << operation << key << "failed:" << SecretStoreError::kindName(error.kind())
                              << error.detail();
        } else {
            qCDebug(lcAuth) << "keychain" << operation << key << SecretStoreError::kindName(error.kind());
        }
        if (!wanted || guard.isNull()) {
            return;
        }
        deliverLater(guard.data(), [callback, error, value] {
            if (callback) {
                callback(error, value);
            }
        });
    };
}

void KeychainSecretStore::runJob(JobType type, const QString& entryKey, const QByteArray& data, Done done, bool isRetry)
{
    // No parent and autoDelete: the libsecret backend keeps a raw pointer to the job's private part until its
    // callback runs (qtkeychain libsecret.cpp), so a running job must never be deleted by us or by a parent.
    // A job that times out is abandoned and deletes itself if it ever finishes.
    QKeychain::Job* job = nullptr;
    switch (type) {
    case JobType::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case JobType::Write: {
        auto* writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setBinaryData(data);
        job = writeJob;
        break;
    }
    case JobType::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // refresh tokens never go to a plain-text settings file (STYLE.md)
    job->setKey(entryKey);

    auto answered = std::make_shared<bool>(false);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, type, entryKey, answered, timer, done] {
        if (*answered) {
            return;
        }
        *answered = true;
        timer->deleteLater();
        qCWarning(lcAuth) << "keychain" << jobName(static_cast<int>(type)) << "of" << entryKey << "timed out after"
                          << m_jobTimeout.count() << "ms";
        done(SecretStoreError(
                 Kind::Timeout, entryKey, QStringLiteral("no answer within %1 ms").arg(m_jobTimeout.count())),
            {});
    });
    connect(job, &QKeychain::Job::finished, this,
        [this, type, entryKey, data, answered, timer, done, isRetry](QKeychain::Job* finishedJob) {
            if (*answered) {
                return;
            }
            *answered = true;
            timer->stop();
            timer->deleteLater();
            const Kind kind = kindOf(finishedJob->error(), finishedJob->errorString());
            if (kind == Kind::NoBackend && !isRetry) {
                qCInfo(lcAuth) << "keychain not reachable for" << entryKey << "(" << finishedJob->errorString()
                               << "); retrying once in" << m_retryDelay.count() << "ms";
                QTimer::singleShot(m_retryDelay, this,
                    [this, type, entryKey, data, done] { runJob(type, entryKey, data, done, true); });
                return;
            }
            QByteArray value;
            if (kind == Kind::None && type == JobType::Read) {
                value = static_cast<QKeychain::ReadPasswordJob*>(finishedJob)->binaryData();
            }
            done(kind == Kind::None ? SecretStoreError() : SecretStoreError(kind, entryKey, finishedJob->errorString()),
                value);
        });
    qCDebug(lcAuth) << "keychain job:" << jobName(static_cast<int>(type)) << entryKey;
    job->start();
    timer->start(m_jobTimeout);
}

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    Done done = finisher("read", key, context, std::move(callback));
    if (key.isEmpty()) {
        done(SecretStoreError(Kind::Other, key, QStringLiteral("empty key")), {});
        return;
    }
    runJob(JobType::Read, key, {}, [this, key, done](const SecretStoreError& error, const QByteArray& first) {
        if (error.isError()) {
            done(error, {});
            return;
        }
        const std::optional<SecretChunking::Header> header = SecretChunking::readHeader(first);
        if (!header) {
            done(SecretStoreError(Kind::Damaged, key, QStringLiteral("the first entry has no valid header")), {});
            return;
        }
        auto chunks = std::make_shared<QList<QByteArray>>();
        chunks->append(first);
        readChunks(key, chunks, header->count, done);
    });
}

void KeychainSecretStore::readChunks(const QString& key, Chunks chunks, int count, Done done)
{
    const int index = static_cast<int>(chunks->size());
    if (index >= count) {
        std::optional<QByteArray> value = SecretChunking::join(*chunks);
        for (QByteArray& chunk : *chunks) {
            wipe(chunk);
        }
        if (!value) {
            done(
                SecretStoreError(Kind::Damaged, key, QStringLiteral("the parts do not match the stored checksum")), {});
            return;
        }
        done({}, *value);
        wipe(*value);
        return;
    }
    const QString entryKey = SecretChunking::chunkKey(key, index);
    runJob(JobType::Read, entryKey, {},
        [this, key, chunks, count, index, done](const SecretStoreError& error, const QByteArray& part) {
            if (error.kind() == Kind::NotFound) {
                done(SecretStoreError(
                         Kind::Damaged, key, QStringLiteral("part %1 of %2 is missing").arg(index + 1).arg(count)),
                    {});
                return;
            }
            if (error.isError()) {
                done(error, {});
                return;
            }
            chunks->append(part);
            readChunks(key, chunks, count, done);
        });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback callback)
{
    Done done = finisher(
        "write", key, context, [callback = std::move(callback)](const SecretStoreError& error, const QByteArray&) {
            if (callback) {
                callback(error);
            }
        });
    if (key.isEmpty()) {
        done(SecretStoreError(Kind::Other, key, QStringLiteral("empty key")), {});
        return;
    }
    auto chunks = std::make_shared<QList<QByteArray>>(SecretChunking::split(value, m_chunkSize));
    const int newCount = static_cast<int>(chunks->size());
    // The old header tells how many chunks the previous value had, so that the surplus can be deleted.
    runJob(JobType::Read, key, {},
        [this, key, chunks, newCount, done](const SecretStoreError& error, const QByteArray& oldFirst) {
            int knownEnd = 0;
            if (!error.isError()) {
                if (const auto header = SecretChunking::readHeader(oldFirst)) {
                    knownEnd = header->count;
                }
            } else if (error.kind() != Kind::NotFound) {
                done(error, {});
                return;
            }
            writeChunks(key, chunks, 1,
                [this, key, newCount, knownEnd, done](const SecretStoreError& writeError, const QByteArray&) {
                    if (writeError.isError()) {
                        done(writeError, {});
                        return;
                    }
                    removeChunksFrom(key, newCount, knownEnd, done);
                });
        });
}

void KeychainSecretStore::writeChunks(const QString& key, Chunks chunks, int position, Done done)
{
    const int count = static_cast<int>(chunks->size());
    const int index = position < count ? position : 0;
    const QString entryKey = SecretChunking::chunkKey(key, index);
    const QByteArray chunk = (*chunks)[index];
    (*chunks)[index].clear(); // the job holds the only copy from here on
    runJob(JobType::Write, entryKey, chunk,
        [this, key, chunks, position, count, done](const SecretStoreError& error, const QByteArray&) {
            if (error.isError() || position >= count) {
                done(error, {});
                return;
            }
            writeChunks(key, chunks, position + 1, done);
        });
}

void KeychainSecretStore::removeChunksFrom(const QString& key, int index, int knownEnd, Done done)
{
    if (index >= SecretChunking::kMaxChunks) {
        done({}, {});
        return;
    }
    const QString entryKey = SecretChunking::chunkKey(key, index);
    auto deleteAndContinue = [this, key, index, knownEnd, entryKey, done] {
        runJob(JobType::Delete, entryKey, {},
            [this, key, index, knownEnd, done](const SecretStoreError& error, const QByteArray&) {
                if (error.isError() && error.kind() != Kind::NotFound) {
                    done(error, {});
                    return;
                }
                removeChunksFrom(key, index + 1, knownEnd, done);
            });
    };
    if (index < knownEnd) {
        deleteAndContinue();
        return;
    }
    // Past the chunks the header named: look for leftovers (a damaged or foreign chunk 0, an interrupted write).
    // Deleting a missing entry succeeds (reference 3.3), so only a read can tell where they end.
    runJob(JobType::Read, entryKey, {}, [done, deleteAndContinue](const SecretStoreError& error, const QByteArray&) {
        if (error.kind() == Kind::NotFound) {
            done({}, {});
        } else if (error.isError()) {
            done(error, {});
        } else {
            deleteAndContinue();
        }
    });
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Callback callback)
{
    Done done = finisher(
        "remove", key, context, [callback = std::move(callback)](const SecretStoreError& error, const QByteArray&) {
            if (callback) {
                callback(error);
            }
        });
    if (key.isEmpty()) {
        done(SecretStoreError(Kind::Other, key, QStringLiteral("empty key")), {});
        return;
    }
    runJob(JobType::Read, key, {}, [this, key, done](const SecretStoreError& error, const QByteArray& first) {
        if (error.isError() && error.kind() != Kind::NotFound) {
            done(error, {});
            return;
        }
        int knownEnd = 0;
        if (const auto header = SecretChunking::readHeader(first)) {
            knownEnd = header->count;
        }
        const bool hasFirst = !error.isError();
        removeChunksFrom(
            key, 1, knownEnd, [this, key, hasFirst, done](const SecretStoreError& restError, const QByteArray&) {
                if (restError.isError() || !hasFirst) {
                    done(restError, {});
                    return;
                }
                // Chunk 0 last: while it exists, a repeated remove still knows how many chunks there are.
                runJob(JobType::Delete, key, {}, [done](const SecretStoreError& firstError, const QByteArray&) {
                    done(firstError.kind() == Kind::NotFound ? SecretStoreError() : firstError, {});
                });
            });
    });
}

void KeychainSecretStore::probe(QObject* context, Callback callback)
{
    Done done = finisher("probe", QString(), context,
        [callback = std::move(callback)](const SecretStoreError& error, const QByteArray&) {
            if (callback) {
                callback(error);
            }
        });
    const QString key = QString::fromLatin1(QUrl::toPercentEncoding(m_service, QByteArray(), QByteArrayLiteral(".")))
        + QStringLiteral("/probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArray sample(32, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(sample.data()), sample.size() / 4);

    write(key, sample, this, [this, key, sample, done](const SecretStoreError& writeError) {
        if (writeError.isError()) {
            done(writeError, {});
            return;
        }
        read(key, this, [this, key, sample, done](const SecretStoreError& readError, const QByteArray& value) {
            SecretStoreError result = readError;
            if (readError.kind() == Kind::NotFound) {
                result = SecretStoreError(
                    Kind::Other, key, QStringLiteral("the keyring accepted an entry but could not read it back"));
            } else if (!readError.isError() && value != sample) {
                result
                    = SecretStoreError(Kind::Damaged, key, QStringLiteral("the keyring read back a different value"));
            }
            remove(key, this, [result, done](const SecretStoreError& removeError) {
                done(result.isError() ? result : removeError, {});
            });
        });
    });
}

} // namespace tb::auth
