#include "app/portfolio/PortfolioPlansModel.h"

#include <QDate>
#include <QFont>
#include <QLocale>

#include "app/portfolio/PortfolioData.h"
#include "app/widgets/Format.h"
#include "engine/kpi/Indicators.h"
#include "store/AccountPlans.h"

namespace cw::app {

namespace {

QString dayText(std::int32_t day) {
    return QLocale().toString(QDate(1970, 1, 1).addDays(day), QLocale::ShortFormat);
}

QString statusText(const std::string& status) {
    if (status == "in_progress") return QObject::tr("in progress");
    return toQString(status);
}

QList<QStandardItem*> makeRow(PortfolioPlansModel::Kind kind, std::int64_t id, std::int64_t planId,
                              const QStringList& texts) {
    QList<QStandardItem*> row;
    for (int c = 0; c < PortfolioPlansModel::ColumnCount; ++c) {
        auto* item = new QStandardItem(c < texts.size() ? texts[c] : QString());
        item->setEditable(false);
        item->setData(int(kind), PortfolioPlansModel::KindRole);
        item->setData(qint64(id), PortfolioPlansModel::IdRole);
        item->setData(qint64(planId), PortfolioPlansModel::PlanIdRole);
        row << item;
    }
    row[0]->setToolTip(texts.value(0));
    return row;
}

QString customerText(const PortfolioData& d, std::int64_t id) {
    auto it = d.planCustomers.find(id);
    if (it == d.planCustomers.end()) return QStringLiteral("#%1").arg(id);
    return toQString(it->second.first);
}

}  // namespace

PortfolioPlansModel::PortfolioPlansModel(QObject* parent) : QStandardItemModel(parent) {
    setHorizontalHeaderLabels(
        {tr("Plan, objectives, actions"), tr("Status"), tr("Due"), tr("Owner"), tr("Customer")});
}

void PortfolioPlansModel::setPortfolio(const std::shared_ptr<const PortfolioData>& data) {
    removeRows(0, rowCount());
    if (!data) return;
    const QColor overdue(180, 0, 0);
    for (const store::AccountPlan& p : data->plans) {
        std::int64_t pending = 0, late = 0;
        for (const auto& a : p.actions)
            if (store::isPendingStatus(a.status)) {
                ++pending;
                if (a.dueDay < data->today) ++late;
            }
        QString customers = p.customerIds.size() == 1
                                ? customerText(*data, p.customerIds.front())
                                : tr("%n customers", nullptr, int(p.customerIds.size()));
        QList<QStandardItem*> row = makeRow(
            Kind::Plan, p.id, p.id,
            {toQString(p.title), toQString(p.status),
             late ? tr("%n overdue", nullptr, int(late)) : tr("%n pending", nullptr, int(pending)),
             toQString(p.createdBy), customers});
        QFont bold = row[0]->font();
        bold.setBold(true);
        row[0]->setFont(bold);
        if (late) row[Due]->setForeground(overdue);
        QStringList names;
        for (auto id : p.customerIds) {
            auto it = data->planCustomers.find(id);
            names << (it == data->planCustomers.end()
                          ? QStringLiteral("#%1").arg(id)
                          : toQString(it->second.first) + QStringLiteral(" ") +
                                toQString(it->second.second));
        }
        row[Customer]->setToolTip(names.join(QLatin1Char('\n')));
        QStandardItem* planItem = row[0];
        planItem->setToolTip(
            tr("%1\nmade %2 by %3%4\n\n%5")
                .arg(toQString(p.title), formatIsoDate(p.createdAt.substr(0, 10)),
                     toQString(p.createdBy),
                     p.notes.empty() ? QString() : QStringLiteral("\n\n") + toQString(p.notes),
                     names.join(QLatin1Char('\n'))));
        appendRow(row);

        for (const store::PlanObjective& o : p.objectives) {
            const auto id = engine::kpi::findIndicator(o.indicator);
            const QString name = id ? toQString(std::string(engine::kpi::indicator(*id).name))
                                    : toQString(o.indicator);
            planItem->appendRow(
                makeRow(Kind::Objective, o.id, p.id,
                        {tr("◎ %1 → %2").arg(name, QLocale().toString(o.target, 'g', 6)),
                         tr("objective"), dayText(o.dueDay)}));
        }
        for (const store::PlanAction& a : p.actions) {
            const bool isLate = store::isPendingStatus(a.status) && a.dueDay < data->today;
            QString status = statusText(a.status);
            if (isLate) status = tr("overdue %n d", nullptr, int(data->today - a.dueDay));
            QList<QStandardItem*> r =
                makeRow(Kind::Action, a.id, p.id,
                        {toQString(a.what), status, dayText(a.dueDay), toQString(a.owner),
                         a.customerId ? customerText(*data, *a.customerId) : tr("whole plan")});
            if (isLate)
                for (auto* item : r) item->setForeground(overdue);
            if (a.status == "done" || a.status == "cancelled")
                for (auto* item : r) item->setForeground(QColor(Qt::gray));
            planItem->appendRow(r);
        }
    }
}

PortfolioPlansModel::Kind PortfolioPlansModel::kindOf(const QModelIndex& index) {
    return index.isValid() ? Kind(index.siblingAtColumn(0).data(KindRole).toInt()) : Kind::None;
}

std::int64_t PortfolioPlansModel::idOf(const QModelIndex& index) {
    return index.isValid() ? index.siblingAtColumn(0).data(IdRole).toLongLong() : 0;
}

std::int64_t PortfolioPlansModel::planIdOf(const QModelIndex& index) {
    return index.isValid() ? index.siblingAtColumn(0).data(PlanIdRole).toLongLong() : 0;
}

}  // namespace cw::app
