// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/SecretStore.h"

#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

namespace tb::auth {

// Secrets in the OS keychain through QtKeychain (the only file in core that includes it). Values are split
// into chunks (SecretChunking) so that platforms with small entries (Windows: 2560 bytes) work the same way as
// the Secret Service. Insecure fallback is always off. Every job has a timeout (with QT_NO_GLIB the libsecret
// jobs never finish, auth-reference.md 3.3), a missing backend is reported as NoBackend, and a job that finds
// no backend is retried once after a delay (the keyring daemon may start after the app, reference 3.4).
// Owned by whoever wires sign-in; lives on, and is used from, the main thread (libsecret answers through the
// GLib main loop that Qt's event dispatcher runs there).
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultJobTimeout {30000}; // leaves time for an unlock prompt
    static constexpr std::chrono::milliseconds kDefaultRetryDelay {10000}; // Nextcloud's delay (reference 3.4)

    // service: the keychain's service name (the app's; tests use one per run).
    explicit KeychainSecretStore(QString service, QObject* parent = nullptr);
    ~KeychainSecretStore() override;
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    [[nodiscard]] const QString& service() const { return m_service; }
    // Bytes of the value per keychain entry (chunk 0 also holds a small header); values below 1 count as 1.
    void setChunkSize(int bytes) { m_chunkSize = bytes; }
    [[nodiscard]] int chunkSize() const { return m_chunkSize; }
    void setJobTimeout(std::chrono::milliseconds timeout) { m_jobTimeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds jobTimeout() const { return m_jobTimeout; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    [[nodiscard]] std::chrono::milliseconds retryDelay() const { return m_retryDelay; }

    // read: a missing chunk or a checksum mismatch is Damaged, never a shortened value. write: surplus chunks
    // of an older, longer value are deleted. remove: deletes every chunk, chunk 0 last (so a failed remove can
    // be repeated).
    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback callback) override;
    void remove(const QString& key, QObject* context, Callback callback) override;
    [[nodiscard]] bool isPersistent() const override { return true; }

    // Writes, reads back and deletes a throw-away entry; no error means the keychain is usable. A read alone
    // proves nothing: a keyring without an unlocked collection answers EntryNotFound (reference 3.3). The app
    // calls this at start-up to choose between this store and MemorySecretStore.
    void probe(QObject* context, Callback callback);

private:
    enum class JobType { Read, Write, Delete };
    using Done = std::function<void(const SecretStoreError& error, const QByteArray& value)>;
    using Chunks = std::shared_ptr<QList<QByteArray>>;

    // One QtKeychain job on entryKey, with the timeout and the single retry; done runs once.
    void runJob(JobType type, const QString& entryKey, const QByteArray& data, Done done, bool isRetry = false);
    // Reads chunks 1..count-1 after chunk 0 (already in chunks), then joins and checks them.
    void readChunks(const QString& key, Chunks chunks, int count, Done done);
    // Writes chunks 1..n-1, then chunk 0 with the header; position counts 1..n where n stands for chunk 0.
    void writeChunks(const QString& key, Chunks chunks, int position, Done done);
    // Deletes chunks index, index+1, ...: those below knownEnd without looking, the rest while they exist.
    void removeChunksFrom(const QString& key, int index, int knownEnd, Done done);
    // Wraps a caller's callback: logs the outcome (key and kind only) and delivers it through context.
    [[nodiscard]] Done finisher(
        const char* operation, const QString& key, QObject* context, ReadCallback callback) const;

    QString m_service;
    int m_chunkSize;
    std::chrono::milliseconds m_jobTimeout = kDefaultJobTimeout;
    std::chrono::milliseconds m_retryDelay = kDefaultRetryDelay;
};

} // namespace tb::auth
