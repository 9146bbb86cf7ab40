#pragma once
// A figure with its caption ("43,308 / Transactions") for the overview page.
#include <QFrame>

class QLabel;

namespace cw::app {

class StatTile : public QFrame {
    Q_OBJECT

public:
    explicit StatTile(const QString& caption, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& toolTip = {});
    QString value() const;

private:
    QLabel* m_value;
    QLabel* m_caption;
};

}  // namespace cw::app
