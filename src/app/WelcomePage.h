#pragma once
// The central page when no workbook is open: what the program is for, the first actions
// (new, open, recent workbooks).
#include <QWidget>

class QAction;
class QListWidget;

namespace cw::app {

class RecentFiles;

class WelcomePage : public QWidget {
    Q_OBJECT

public:
    WelcomePage(QAction* newAction, QAction* openAction, RecentFiles* recent,
                QWidget* parent = nullptr);

private:
    void fillRecent();

    RecentFiles* m_recent;
    QListWidget* m_recentList;
};

}  // namespace cw::app
