#pragma once
// Saves and restores the main window's dock layout with a version (a layout saved by an older
// arrangement of docks is ignored, not half-applied), and keeps the default layout captured at
// startup so "Reset layout" is one restoreState() call.
#include <QByteArray>

class QMainWindow;
class QString;

namespace cw::app {

class DockLayout {
public:
    /// Bump when docks are added, removed or renamed.
    static constexpr int kStateVersion = 3;  // 3: the Segments and Insights docks

    explicit DockLayout(QMainWindow* window);

    /// Remembers the current layout as the default. Call once all docks are in place.
    void captureDefault();
    /// Restores the saved geometry and layout; false (and nothing changed) when there is none
    /// or it has another version.
    bool restoreSaved();
    void save() const;
    /// The layout kept for one workbook (a consultant arranges each client's file differently):
    /// saved under a key derived from the file's absolute path, restored when it is opened.
    void saveFor(const QString& workbookPath) const;
    bool restoreFor(const QString& workbookPath);

    /// Back to the layout captured by captureDefault().
    bool resetToDefault();
    const QByteArray& defaultState() const { return m_default; }

private:
    QMainWindow* m_window;
    QByteArray m_default;
};

}  // namespace cw::app
