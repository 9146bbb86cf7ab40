#pragma once
// The non-modal bar above the main page saying that another program changed the open workbook,
// with a Reload button. It only reports the user's choice; the window decides what reloading is.
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace cw::app {

class ReloadBar : public QFrame {
    Q_OBJECT

public:
    explicit ReloadBar(QWidget* parent = nullptr);

    QPushButton* reloadButton() const { return m_reload; }
    QString text() const;

signals:
    void reloadRequested();

private:
    QLabel* m_text;
    QPushButton* m_reload;
    QToolButton* m_dismiss;
};

}  // namespace cw::app
