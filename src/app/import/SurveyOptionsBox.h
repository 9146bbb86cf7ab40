#pragma once
// Survey settings of the import wizard: which columns hold service-attribute scores, their
// scale, and the score that means "not applicable".
#include <QGroupBox>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QListWidget;

namespace cw::app {

class SurveyOptionsBox : public QGroupBox {
    Q_OBJECT

public:
    explicit SurveyOptionsBox(QWidget* parent = nullptr);

    /// The file's columns, with the attribute ones checked. Emits nothing.
    void setColumns(const std::vector<std::string>& header, const std::vector<bool>& attribute);
    void setScale(std::pair<double, double> scale);
    void setNaValue(std::optional<double> value);

    std::pair<double, double> scale() const;
    std::optional<double> naValue() const;

signals:
    /// The user (un)checked a column as a service attribute.
    void attributeToggled(int column, bool attribute);
    /// Scale or N/A value changed.
    void settingsChanged();

private:
    QListWidget* m_columns;
    QDoubleSpinBox* m_scaleMin;
    QDoubleSpinBox* m_scaleMax;
    QCheckBox* m_hasNa;
    QDoubleSpinBox* m_na;
};

}  // namespace cw::app
