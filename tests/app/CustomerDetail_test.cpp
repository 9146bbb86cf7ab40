// The customer detail dock loads one customer on a worker and shows its code, notes and latest
// survey answers as stored; the quadrants come from the caller.
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>

#include "AppTestSupport.h"
#include "app/customers/CustomerDetailDock.h"
#include "engine/Analysis.h"

using namespace cw;
using namespace cw::app;
using cw::test::TempDir;
using cw::test::waitFor;

namespace {

TEST(CustomerDetail, ShowsCodeNotesAndSurveyAsStored) {
    TempDir dir;
    const auto path = dir.file("demo.cwb");
    test::makeDemoWorkbook(path, 300);
    auto wb = store::Workbook::open(path);
    ASSERT_TRUE(wb.ok());
    ASSERT_TRUE(engine::runAnalysis(*wb).ok());

    // A customer with notes and a survey answer.
    auto pick = wb->db().prepare(
        "SELECT c.id, c.code FROM customers c WHERE EXISTS (SELECT 1 FROM notes n WHERE "
        "n.customer_id = c.id) AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.customer_id = "
        "c.id) ORDER BY c.id LIMIT 1");
    ASSERT_TRUE(pick.ok());
    ASSERT_TRUE(pick->step()) << "the demo has a customer with notes and a survey answer";
    const qint64 id = pick->int64(0);
    const QString code = QString::fromStdString(pick->text(1));

    QStringList notes;
    auto st = wb->db().prepare(
        "SELECT text FROM notes WHERE customer_id = ? ORDER BY ts IS NULL, ts DESC, id DESC");
    ASSERT_TRUE(st.ok());
    st->bind(1, std::int64_t(id));
    while (st->step()) notes << QString::fromStdString(st->text(0));

    QStringList attributes;
    QList<double> scores;
    st = wb->db().prepare(
        "SELECT a.name, s.score FROM survey_scores s JOIN service_attributes a ON a.id = "
        "s.attribute_id WHERE s.response_id = (SELECT id FROM survey_responses WHERE customer_id = "
        "?1 ORDER BY ts IS NULL, ts DESC, id DESC LIMIT 1) ORDER BY a.id");
    ASSERT_TRUE(st.ok());
    st->bind(1, std::int64_t(id));
    while (st->step()) {
        attributes << QString::fromStdString(st->text(0));
        scores << (st->isNull(1) ? -1.0 : st->real(1));
    }
    ASSERT_FALSE(attributes.isEmpty());

    CustomerDetailDock dock;
    EXPECT_EQ(dock.objectName(), "customerDetailDock");
    dock.showCustomer(QString::fromStdString(path), id);
    EXPECT_TRUE(dock.isLoading());
    ASSERT_TRUE(waitFor([&] { return dock.detail() != nullptr; }));
    EXPECT_EQ(dock.customerId(), id);
    EXPECT_TRUE(dock.findChild<QLabel*>("customerTitle")->text().contains(code));

    auto* noteList = dock.findChild<QListWidget*>("notesList");
    ASSERT_EQ(noteList->count(), notes.size());
    for (int i = 0; i < notes.size(); ++i) EXPECT_EQ(noteList->item(i)->text(), notes[i]);

    auto* survey = dock.findChild<QTableWidget*>("surveyTable");
    ASSERT_EQ(survey->rowCount(), attributes.size());
    for (int i = 0; i < attributes.size(); ++i) {
        EXPECT_EQ(survey->item(i, 0)->text(), attributes[i]);
        ASSERT_EQ(dock.detail()->latestSurvey->answers[std::size_t(i)].score.value_or(-1.0),
                  scores[i]);
    }
    const auto& d = *dock.detail();
    EXPECT_TRUE(d.metrics.hasMetrics);
    EXPECT_FALSE(d.monthlyRevenue.empty());
    double total = 0;
    for (const auto& m : d.monthlyRevenue) total += m.revenue;
    st = wb->db().prepare("SELECT sum(revenue) FROM transactions WHERE customer_id = ?");
    ASSERT_TRUE(st.ok());
    st->bind(1, std::int64_t(id));
    ASSERT_TRUE(st->step());
    EXPECT_NEAR(total, st->real(0), 1e-6);

    dock.setQuadrants({{"Value", "Stars"}, {"Loyalty", "Apostles"}});
    auto* quadrants = dock.findChild<QTableWidget*>("quadrantsTable");
    ASSERT_EQ(quadrants->rowCount(), 2);
    EXPECT_EQ(quadrants->item(1, 1)->text(), "Apostles");

    dock.clear();
    EXPECT_EQ(dock.customerId(), 0);
    EXPECT_EQ(dock.detail(), nullptr);
    EXPECT_EQ(quadrants->rowCount(), 0);
}

TEST(CustomerDetail, AnUnknownCustomerIsAnError) {
    TempDir dir;
    const auto path = dir.file("demo.cwb");
    test::makeDemoWorkbook(path, 50);
    CustomerDetailDock dock;
    QString message;
    QObject::connect(&dock, &CustomerDetailDock::loadFailed,
                     [&](qint64, const QString& m) { message = m; });
    dock.showCustomer(QString::fromStdString(path), 999999);
    ASSERT_TRUE(waitFor([&] { return !message.isEmpty(); }));
    EXPECT_TRUE(message.contains("999999"));
    EXPECT_EQ(dock.detail(), nullptr);
}

}  // namespace
