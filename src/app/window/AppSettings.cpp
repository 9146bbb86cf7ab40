#include "app/window/AppSettings.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace cw::app::prefs {

WorkbookLayout workbookLayout(const QString& workbookPath) {
    const QByteArray abs = QFileInfo(workbookPath).absoluteFilePath().toUtf8();
    const QString key = QStringLiteral("Workbooks/%1/").arg(
        QString::fromLatin1(QCryptographicHash::hash(abs, QCryptographicHash::Sha1).toHex().left(16)));
    return {{key + QStringLiteral("state"), {}}, {key + QStringLiteral("stateVersion"), 0}};
}

}  // namespace cw::app::prefs
