#pragma once
// One figure of the portfolio's header ("3 overdue actions"): the number large and bold before
// its caption on one line, so the figures take a single row beside the manager chooser.
#include <QLabel>

namespace cw::app {

class PortfolioFigure : public QLabel {
    Q_OBJECT

public:
    explicit PortfolioFigure(const QString& caption, QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& toolTip = {});
    QString value() const { return m_value; }
    QString caption() const { return m_caption; }

private:
    QString m_caption, m_value;
};

}  // namespace cw::app
