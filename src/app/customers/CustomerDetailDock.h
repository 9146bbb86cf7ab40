#pragma once
// The Customer dock: one customer's profile, key metrics, purchase history (a sparkline of the
// monthly net revenue), latest survey answers, notes and the quadrant it falls in on each matrix.
// The detail is read on a worker (CustomerDetailJob); the quadrants come from the caller, who
// owns the matrices.
#include <QDockWidget>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

#include "app/customers/CustomerData.h"

class QFormLayout;
class QLabel;
class QListWidget;
class QTableWidget;

namespace cw::app {

class CustomerDetailJob;

class CustomerDetailDock : public QDockWidget {
    Q_OBJECT

public:
    explicit CustomerDetailDock(QWidget* parent = nullptr);

    /// Loads customer `id` of the workbook at `workbookPath` on a worker; a newer call supersedes
    /// a running load. The previous customer stays shown (dimmed) until the new one arrives.
    void showCustomer(const QString& workbookPath, qint64 id);
    /// (matrix title, quadrant name) pairs, shown as given.
    void setQuadrants(const QList<QPair<QString, QString>>& matrixAndQuadrant);
    /// Shows no customer (a running load is dropped).
    void clear();

    /// The customer asked for last (0: none).
    qint64 customerId() const { return m_customerId; }
    bool isLoading() const;
    /// The detail shown, or nullptr.
    std::shared_ptr<const CustomerDetail> detail() const { return m_detail; }

signals:
    /// The detail of `id` is shown.
    void customerShown(qint64 id);
    void loadFailed(qint64 id, const QString& message);

private:
    void showDetail(std::shared_ptr<const CustomerDetail> detail);
    void showFailure(qint64 id, const QString& message);
    void fillProfile(const CustomerDetail& d);
    void fillSurvey(const CustomerDetail& d);
    void fillNotes(const CustomerDetail& d);
    void setContentVisible(bool visible);

    CustomerDetailJob* m_job;
    std::shared_ptr<const CustomerDetail> m_detail;
    qint64 m_customerId = 0;
    QWidget* m_content;
    QLabel* m_status;
    QLabel* m_title;
    QFormLayout* m_profile;
    QFormLayout* m_metrics;
    QWidget* m_sparkline;
    QLabel* m_historyCaption;
    QTableWidget* m_quadrants;
    QLabel* m_surveyCaption;
    QTableWidget* m_survey;
    QLabel* m_notesCaption;
    QListWidget* m_notes;
};

}  // namespace cw::app
