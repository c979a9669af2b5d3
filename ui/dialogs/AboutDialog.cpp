// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/AboutDialog.h"

#include "core/LibraryVersions.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

// Resources compiled into a static library are only linked in when something references their initializer.
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace tb::ui {

namespace {

const QString kIconPath = QStringLiteral(":/ui/icons/tenantbridge-128.png");
// The SPDX-License-Identifier of every source file.
const QString kLicence = QStringLiteral("GPL-3.0-or-later");
constexpr int kIconSize = 64;
constexpr int kDialogWidth = 520;

} // namespace

AboutDialog::AboutDialog(const QString& profile, const QString& dataFolder, QWidget* parent)
    : QDialog(parent)
    , m_facts(collectFacts(profile, dataFolder))
    , m_versionsText(new QLabel(this))
    , m_copyButton(new QPushButton(tr("&Copy to clipboard"), this))
    , m_copiedNote(new QLabel(this))
{
    static const bool resourcesRegistered = (initUiResources(), true);
    Q_UNUSED(resourcesRegistered)
    setObjectName(QStringLiteral("aboutDialog"));
    const QString name = QCoreApplication::applicationName();
    setWindowTitle(tr("About %1").arg(name));

    auto* icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    const QPixmap pixmap(kIconPath);
    icon->setPixmap(pixmap.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    icon->setAlignment(Qt::AlignTop);
    setWindowIcon(pixmap);

    auto* title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextFormat(Qt::RichText);
    title->setText(QStringLiteral("<h2 style=\"margin:0\">%1</h2>").arg(name.toHtmlEscaped())
        + tr("Version %1").arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    auto* purpose
        = new QLabel(tr("Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants."), this);
    purpose->setObjectName(QStringLiteral("aboutPurpose"));
    purpose->setWordWrap(true);

    auto* heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(purpose);
    heading->addStretch();
    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(heading, 1);

    m_versionsText->setObjectName(QStringLiteral("aboutVersionsText"));
    m_versionsText->setTextFormat(Qt::RichText);
    m_versionsText->setText(factsHtml());
    m_versionsText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_copyButton->setObjectName(QStringLiteral("aboutCopyButton"));
    m_copyButton->setToolTip(tr("Copies these facts as plain text, for a bug report"));
    connect(m_copyButton, &QPushButton::clicked, this, &AboutDialog::copyToClipboard);
    m_copiedNote->setObjectName(QStringLiteral("aboutCopiedNote"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copyButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(m_versionsText);
    layout->addWidget(m_copiedNote);
    layout->addWidget(buttons);
    resize(kDialogWidth, sizeHint().height());
}

QString AboutDialog::factsText() const
{
    QStringList lines;
    lines.reserve(m_facts.size());
    for (const Fact& fact : m_facts) {
        // The first fact is the name and the version: "TenantBridge 1.2.0", as `--version` says it.
        lines.append(fact.label + (lines.isEmpty() ? QStringLiteral(" ") : QStringLiteral(": ")) + fact.value);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<AboutDialog::Fact> AboutDialog::collectFacts(const QString& profile, const QString& dataFolder)
{
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString buildQt = QStringLiteral(QT_VERSION_STR);
    const QString qtKeychain = LibraryVersions::qtKeychain();
    return {
        {QCoreApplication::applicationName(), QCoreApplication::applicationVersion()},
        {tr("Qt"), runtimeQt == buildQt ? runtimeQt : tr("%1 (built with %2)").arg(runtimeQt, buildQt)},
        {tr("QtKeychain"), qtKeychain.isEmpty() ? tr("unknown") : tr("%1 (at build time)").arg(qtKeychain)},
        {tr("SQLite"), LibraryVersions::sqlite()},
        {tr("Operating system"), QSysInfo::prettyProductName()},
        {tr("Kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
        {tr("CPU architecture"), QSysInfo::currentCpuArchitecture()},
        {tr("Profile"), profile},
        {tr("Data folder"), QDir::toNativeSeparators(dataFolder)},
        {tr("Licence"), kLicence},
    };
}

QString AboutDialog::factsHtml() const
{
    QString rows;
    // The first fact (name and version) is the heading already.
    for (qsizetype i = 1; i < m_facts.size(); ++i) {
        rows += QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(m_facts[i].label.toHtmlEscaped(), m_facts[i].value.toHtmlEscaped());
    }
    return QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(rows);
}

void AboutDialog::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(factsText());
    m_copiedNote->setText(tr("Copied. Paste it into a bug report."));
}

} // namespace tb::ui
