#pragma once
// The File › Open Recent list (most recent first, at most kMaximum), kept in the settings so
// it survives restarts, and the menu that shows it.
#include <QObject>
#include <QStringList>

class QMenu;

namespace cw::app {

class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaximum = 8;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const;
    /// Moves (or adds) the file to the top of the list.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();
    /// A menu kept up to date with the list; owned by the caller's widget tree.
    QMenu* createMenu(const QString& title, QWidget* parent);

signals:
    void changed();
    void openRequested(const QString& path);

private:
    void fillMenu(QMenu* menu);
    void store(const QStringList& files);
};

}  // namespace cw::app
