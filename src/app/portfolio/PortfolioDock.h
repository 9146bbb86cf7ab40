#pragma once
// The commercial manager's portfolio (issue 11): a manager chooser, the portfolio's figures
// (customers, revenue, margin, customers under a plan, overdue actions, alerts), its alerts
// ranked by value at risk (acknowledge, snooze, show the hidden ones), its customers (sortable,
// filterable; a selection becomes the linked selection of the matrices and the customer detail)
// and its account plans (new plan, objective, action, edit an action, status, delete). Every edit is an undo
// command on the document's stack; after any step of the stack the portfolio is read again (on
// a worker, PortfolioLoadJob), so alerts and figures follow the plans.
#include <QDockWidget>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "app/portfolio/PortfolioPlansModel.h"
#include "core/Result.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace cw::app {

class AnalysisWorkspace;
class PortfolioAlertsModel;
class PortfolioCustomersModel;
class PortfolioLoadJob;
class PortfolioFigure;
class WorkbookDocument;
struct PortfolioData;

class PortfolioDock : public QDockWidget {
    Q_OBJECT

public:
    enum class Figure { Customers, Revenue, Margin, UnderPlan, Overdue, Alerts };

    /// `workspace` (may be null) receives the customers selected as the linked selection.
    PortfolioDock(WorkbookDocument* document, AnalysisWorkspace* workspace,
                  QWidget* parent = nullptr);
    ~PortfolioDock() override;

    /// The manager shown ("" : none).
    QString managerCode() const { return m_code; }
    /// What was read last (null before the first read).
    std::shared_ptr<const PortfolioData> data() const { return m_data; }
    /// Whether the portfolio of the manager chosen is shown (read and current).
    bool isLoaded() const;
    bool isBusy() const;
    /// The day overdue actions and snoozes count from: today (UTC) unless set (tests).
    std::int32_t today() const { return m_today; }
    void setToday(std::int32_t day);

    bool showsPlaceholder() const;
    QString placeholderText() const;
    PortfolioFigure* figure(Figure f) const;
    QComboBox* managerBox() const { return m_manager; }
    QTableView* alertsView() const { return m_alertsView; }
    PortfolioAlertsModel* alertsModel() const { return m_alerts; }
    QTableView* customersView() const { return m_customersView; }
    PortfolioCustomersModel* customersModel() const { return m_customers; }
    QSortFilterProxyModel* customersProxy() const { return m_customersProxy; }
    QTreeView* plansView() const { return m_plansView; }
    PortfolioPlansModel* plansModel() const { return m_plans; }
    QCheckBox* showHiddenBox() const { return m_showHidden; }
    QAction* packAction() const { return m_packAction; }

    // The edits, as the buttons run them once their forms are filled in (tests call them too).
    // Each pushes an undo command; an error is returned (and nothing pushed) when the workbook
    // refuses the edit.
    Status acknowledgeAlert(int alertRow);
    Status snoozeAlert(int alertRow, std::int32_t untilDay);
    /// Shows a hidden alert again (removes its acknowledgement or snooze).
    Status showAlertAgain(int alertRow);
    Result<std::int64_t> createPlan(const QString& title, const QString& notes,
                                    std::vector<std::int64_t> customerIds);
    /// The portfolio's `n` customers with the highest lifetime value, highest first.
    std::vector<std::int64_t> topByLifetimeValue(int n) const;
    Result<std::int64_t> addObjective(std::int64_t planId, const QString& indicatorKey,
                                      double target, std::int32_t dueDay);
    Result<std::int64_t> addAction(std::int64_t planId, const QString& what, const QString& owner,
                                   std::int32_t dueDay,
                                   std::optional<std::int64_t> customerId = std::nullopt);
    /// "open", "in_progress", "done" or "cancelled".
    Status setActionStatus(std::int64_t actionId, const QString& status);
    /// Gives an action new what, owner, due day and customer (its status and history stay).
    Status editAction(std::int64_t actionId, const QString& what, const QString& owner,
                      std::int32_t dueDay, std::optional<std::int64_t> customerId = std::nullopt);
    Status deletePlan(std::int64_t planId);
    Status deleteAction(std::int64_t actionId);

    /// Who the edits are by: the OS user name.
    static QString userName();

public slots:
    /// Shows (and raises) the portfolio of the manager with this code; the hierarchy dashboard
    /// calls it for a manager. Waits for a workbook still opening.
    void showManager(const QString& code);
    /// Reads the workbook again (after an edit, an undo, an analysis).
    void reload();

signals:
    /// The data of the manager chosen arrived (or the reason it could not be read).
    void loaded();
    /// "Portfolio pack…": the Report dialog, on a pack for this manager.
    void packRequested(const QString& managerCode);

private:
    QWidget* buildHeader();
    QWidget* buildAlerts();
    QWidget* buildCustomers();
    QWidget* buildPlans();
    void showData(std::shared_ptr<const PortfolioData> data);
    void showPlaceholder(const QString& text);
    void fillManagers();
    void restoreSelection(const std::optional<std::pair<int, std::int64_t>>& alertKey,
                          PortfolioPlansModel::Kind planKind, std::int64_t planRowId,
                          std::int64_t planId, const std::vector<std::int64_t>& customers);
    void chooseTypedManager();
    void updateButtons();
    /// The selected alert row (model row), or -1.
    int currentAlertRow() const;
    std::vector<std::int64_t> selectedCustomers() const;
    /// Current plan row in the tree: plan id and (when an action row) action id.
    std::int64_t currentPlanId() const;
    std::int64_t currentActionId() const;
    /// The customers of a plan, as the action form lists them: id, "code name".
    std::vector<std::pair<std::int64_t, QString>> planCustomerChoices(std::int64_t planId) const;
    Status pushAlertState(int alertRow, int change, std::optional<std::int32_t> until);
    void report(const QString& what, const Status& st);

    // The buttons' slots: ask, then run the edit above.
    void onAcknowledge();
    void onSnooze();
    void onShowAgain();
    void onNewPlanForSelected();
    void onNewPlanForTop();
    void onAddObjective();
    void onAddAction();
    /// The selected action's form, prefilled (the button, or a double-click on the action).
    void onEditAction();
    void onSetStatus(const QString& status);
    void onDelete();

    WorkbookDocument* m_document;
    AnalysisWorkspace* m_workspace;
    PortfolioLoadJob* m_job;
    std::shared_ptr<const PortfolioData> m_data;
    QString m_code;
    std::int32_t m_today;
    bool m_stale = true;  ///< a read is due once the dock is shown

    QComboBox* m_manager = nullptr;
    QStringList m_managerCodes;  ///< the codes in m_manager, in order
    QLabel* m_status = nullptr;
    QAction* m_packAction = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_placeholder = nullptr;
    std::vector<PortfolioFigure*> m_figures;
    PortfolioAlertsModel* m_alerts = nullptr;
    QTableView* m_alertsView = nullptr;
    QCheckBox* m_showHidden = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_snooze = nullptr;
    QPushButton* m_showAgain = nullptr;
    PortfolioCustomersModel* m_customers = nullptr;
    QSortFilterProxyModel* m_customersProxy = nullptr;
    QTableView* m_customersView = nullptr;
    QLineEdit* m_filter = nullptr;
    QPushButton* m_newPlan = nullptr;
    QPushButton* m_newTopPlan = nullptr;
    PortfolioPlansModel* m_plans = nullptr;
    QTreeView* m_plansView = nullptr;
    QPushButton* m_addObjective = nullptr;
    QPushButton* m_addAction = nullptr;
    QPushButton* m_editAction = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_done = nullptr;
    QPushButton* m_cancelAction = nullptr;
    QPushButton* m_delete = nullptr;
};

}  // namespace cw::app
