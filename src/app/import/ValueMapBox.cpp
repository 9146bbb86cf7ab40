#include "app/import/ValueMapBox.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>

#include "app/widgets/Format.h"
#include "store/Importer.h"

namespace cw::app {

ValueMapBox::ValueMapBox(QWidget* parent)
    : QGroupBox(tr("Values as read"), parent), m_maps(new QPlainTextEdit), m_na(new QLineEdit), m_error(new QLabel) {
    m_maps->setPlaceholderText(
        tr("One column per line, e.g.  overall: Satisfied=1, \"Neutral or Dissatisfied\"=0   or   channel: 1=Horeca, "
           "2=Retail"));
    m_maps->setToolTip(tr("Texts of a column read as other values: answers as numbers, codes as labels. The field "
                          "or the file's column name, a colon, then TEXT=VALUE pairs; case and spaces around the "
                          "text do not matter."));
    m_maps->setTabChangesFocus(true);
    m_maps->setFixedHeight(m_maps->fontMetrics().lineSpacing() * 3 + 12);
    m_na->setPlaceholderText(tr("e.g. ?, NA, n/a"));
    m_na->setToolTip(tr("Cells with one of these texts are read as “no value” in every column"));
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();
    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Read as:"), m_maps);
    layout->addRow(tr("No value:"), m_na);
    layout->addRow(m_error);
    connect(m_maps, &QPlainTextEdit::textChanged, this, &ValueMapBox::changed);
    connect(m_na, &QLineEdit::textChanged, this, &ValueMapBox::changed);
}

std::vector<std::string> ValueMapBox::valueMaps() const {
    std::vector<std::string> out;
    for (const QString& line : m_maps->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty()) out.push_back(toStdString(line.trimmed()));
    return out;
}

std::vector<std::string> ValueMapBox::naTexts() const {
    std::vector<std::string> out;
    if (m_na->text().trimmed().isEmpty()) return out;
    for (auto& t : store::splitList(toStdString(m_na->text())))
        if (!t.empty()) out.push_back(std::move(t));
    return out;
}

void ValueMapBox::setValues(const std::vector<std::string>& maps, const std::vector<std::string>& naTexts) {
    const QSignalBlocker a(m_maps), b(m_na);
    QStringList lines, texts;
    for (const auto& m : maps) lines << toQString(m);
    for (const auto& t : naTexts) texts << toQString(t);
    m_maps->setPlainText(lines.join(QLatin1Char('\n')));
    m_na->setText(texts.join(QStringLiteral(", ")));
}

void ValueMapBox::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

}  // namespace cw::app
