#pragma once
// The central page when no workbook is open: what the program is for, the first actions
// (open the demo, import data, new, open, recent workbooks).
#include <QList>
#include <QWidget>

class QAction;
class QListWidget;

namespace cw::app {

class RecentFiles;

class WelcomePage : public QWidget {
    Q_OBJECT

public:
    /// `actions` become the page's big buttons, in their order.
    WelcomePage(const QList<QAction*>& actions, RecentFiles* recent, QWidget* parent = nullptr);

private:
    void fillRecent();

    RecentFiles* m_recent;
    QListWidget* m_recentList;
};

}  // namespace cw::app
