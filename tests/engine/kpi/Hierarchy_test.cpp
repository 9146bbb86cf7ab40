// The managers' hierarchy of the indicators: three levels (company, regions, managers), a node
// includes its descendants, and a parent's rolled-up value equals the sum over its subtree
// computed independently (by walking up from every node). Broken references and loops of
// parents become top nodes and are named.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/kpi/Hierarchy.h"

using namespace cw::engine::kpi;

namespace {

// Company 1; regions 10 and 20 under it; managers 11, 12 under 10 and 21 under 20; 13 under 11
// (a fourth level). Given out of order on purpose.
std::vector<ManagerRef> threeLevels() {
    return {{21, 20}, {11, 10}, {1, std::nullopt}, {13, 11}, {10, 1}, {12, 10}, {20, 1}};
}

bool isAncestorOrSelf(const Hierarchy& h, std::size_t a, std::size_t b) {
    for (std::optional<std::size_t> v = b; v; v = h.parent(*v))
        if (*v == a) return true;
    return false;
}

TEST(KpiHierarchy, ThreeLevelsHaveTheirParentsDepthsAndSubtrees) {
    const Hierarchy h(threeLevels());
    ASSERT_EQ(h.size(), 7u);
    EXPECT_TRUE(h.problems().empty());
    ASSERT_EQ(h.roots().size(), 1u);
    EXPECT_EQ(h.id(h.roots()[0]), 1);
    auto depthOf = [&](std::int64_t id) { return h.depth(*h.node(id)); };
    EXPECT_EQ(depthOf(1), 0);
    EXPECT_EQ(depthOf(10), 1);
    EXPECT_EQ(depthOf(20), 1);
    EXPECT_EQ(depthOf(11), 2);
    EXPECT_EQ(depthOf(21), 2);
    EXPECT_EQ(depthOf(13), 3);
    std::vector<std::int64_t> region10;
    for (auto v : h.subtree(*h.node(10))) region10.push_back(h.id(v));
    std::sort(region10.begin(), region10.end());
    EXPECT_EQ(region10, (std::vector<std::int64_t>{10, 11, 12, 13}));
    // Every node once in the pre-order, after its parent.
    const auto& order = h.preorder();
    ASSERT_EQ(order.size(), h.size());
    std::vector<std::size_t> position(h.size());
    for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    for (std::size_t v = 0; v < h.size(); ++v)
        if (auto p = h.parent(v)) {
            EXPECT_LT(position[*p], position[v]);
        }
    EXPECT_FALSE(h.node(99).has_value());
}

TEST(KpiHierarchy, ARolledUpValueIsTheSumOverTheSubtreeComputedIndependently) {
    const Hierarchy h(threeLevels());
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> d(0, 1000);
    std::vector<long long> own(h.size());
    for (auto& v : own) v = d(rng);
    const auto total = h.rollUp(own);
    for (std::size_t a = 0; a < h.size(); ++a) {
        long long expected = 0;  // every node whose chain of parents reaches a
        for (std::size_t b = 0; b < h.size(); ++b)
            if (isAncestorOrSelf(h, a, b)) expected += own[b];
        EXPECT_EQ(total[a], expected) << "manager " << h.id(a);
    }
    // The company is everything; a parent is its own plus its children's totals.
    long long all = 0;
    for (auto v : own) all += v;
    EXPECT_EQ(total[*h.node(1)], all);
    const auto region = *h.node(10);
    long long children = own[region];
    for (auto c : h.children(region)) children += total[c];
    EXPECT_EQ(total[region], children);
}

TEST(KpiHierarchy, MissingParentsSelfReferencesAndLoopsBecomeTopNodesAndAreNamed) {
    // 5 reports to a manager that does not exist, 6 to itself, 7 -> 8 -> 9 -> 7 is a loop with 4 below 9.
    const Hierarchy h({{5, 50}, {6, 6}, {7, 8}, {8, 9}, {9, 7}, {4, 9}});
    EXPECT_EQ(h.problems().size(), 3u);
    EXPECT_EQ(h.roots().size(), 3u) << "5, 6 and the cut of the loop";
    EXPECT_EQ(h.preorder().size(), h.size()) << "every node is still reached once";
    std::vector<long long> own(h.size(), 1);
    const auto total = h.rollUp(own);
    long long sumOfRoots = 0;
    for (auto r : h.roots()) sumOfRoots += total[r];
    EXPECT_EQ(sumOfRoots, 6) << "each manager counted under exactly one top node";
    const auto loopRoot = std::find_if(h.roots().begin(), h.roots().end(), [&](std::size_t r) { return h.id(r) >= 7; });
    ASSERT_NE(loopRoot, h.roots().end());
    EXPECT_EQ(total[*loopRoot], 4) << "the loop's three managers and the one below it";
}

}  // namespace
