#pragma once
// The import wizard's "Values as read": text answers to numbers ("Satisfied" = 1), codes to
// labels (channel 1 = Horeca), and the texts that mean "no value" ("?", "NA") — the command
// line's --value-map and --na-value, for any table.
#include <QGroupBox>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cw::app {

class ValueMapBox : public QGroupBox {
    Q_OBJECT
public:
    explicit ValueMapBox(QWidget* parent = nullptr);

    /// One "FIELD: TEXT=VALUE, TEXT=VALUE" per non-empty line.
    std::vector<std::string> valueMaps() const;
    /// The comma-separated "no value" texts.
    std::vector<std::string> naTexts() const;
    void setValues(const std::vector<std::string>& maps, const std::vector<std::string>& naTexts);
    /// Shows why the maps cannot be used (empty: hides it).
    void setError(const QString& message);

signals:
    void changed();

private:
    QPlainTextEdit* m_maps;
    QLineEdit* m_na;
    QLabel* m_error;
};

}  // namespace cw::app
