#pragma once
// The Log dock: everything the layers log (spdlog "core", "store", "engine", "app") and Qt's
// own messages, with a level filter.
#include <QDockWidget>

class QComboBox;
class QTableView;

namespace cw::app {

class LogFilterModel;
class LogModel;

class LogDock : public QDockWidget {
    Q_OBJECT

public:
    explicit LogDock(QWidget* parent = nullptr);

    LogModel* model() const { return m_model; }
    LogFilterModel* filterModel() const { return m_filter; }

private:
    LogModel* m_model;
    LogFilterModel* m_filter;
    QComboBox* m_levelCombo;
    QTableView* m_view;
};

}  // namespace cw::app
