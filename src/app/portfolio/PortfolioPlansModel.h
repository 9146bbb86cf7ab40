#pragma once
// The account plans of a portfolio as a tree: each plan (title, status, customers, who made it)
// with its customers, notes, objectives and actions (what, status, due day, owner, customer);
// pending actions past their due day in red. KindRole and IdRole say what a row is.
#include <QStandardItemModel>

#include <cstdint>
#include <memory>

namespace cw::app {

struct PortfolioData;

class PortfolioPlansModel : public QStandardItemModel {
    Q_OBJECT

public:
    enum class Kind { None, Plan, Objective, Action, Info };
    enum Role { KindRole = Qt::UserRole + 1, IdRole, PlanIdRole };
    enum Column { Item, Status, Due, Owner, Customer, ColumnCount };

    explicit PortfolioPlansModel(QObject* parent = nullptr);
    /// Rebuilds the tree; `today` decides which actions are overdue.
    void setPortfolio(const std::shared_ptr<const PortfolioData>& data);

    static Kind kindOf(const QModelIndex& index);
    static std::int64_t idOf(const QModelIndex& index);
    static std::int64_t planIdOf(const QModelIndex& index);
};

}  // namespace cw::app
