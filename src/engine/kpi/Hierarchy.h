#pragma once
// The managers' hierarchy as the indicators see it: nodes (managers) with their parents, any
// depth. A customer belongs to the node of its manager and a node includes its descendants, so
// an additive indicator of a node is its own customers' value plus its children's (rollUp). A
// parent reference to a missing manager, or a loop of parents (A reports to B, B to A), makes
// the node a root; `problems` says which.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cw::engine::kpi {

struct ManagerRef {
    std::int64_t id = 0;
    std::optional<std::int64_t> parentId;
};

class Hierarchy {
public:
    /// Builds the tree from the managers in any order. Node indexes follow `managers`' order.
    explicit Hierarchy(const std::vector<ManagerRef>& managers);

    std::size_t size() const { return m_id.size(); }
    std::int64_t id(std::size_t node) const { return m_id[node]; }
    /// The node of a manager id, or none.
    std::optional<std::size_t> node(std::int64_t managerId) const;
    /// The parent node, or none for a root.
    std::optional<std::size_t> parent(std::size_t node) const;
    const std::vector<std::size_t>& children(std::size_t node) const { return m_children[node]; }
    const std::vector<std::size_t>& roots() const { return m_roots; }
    /// 0 for a root.
    int depth(std::size_t node) const { return m_depth[node]; }
    /// Every node once, each before its descendants (roots in input order, children in input order).
    const std::vector<std::size_t>& preorder() const { return m_preorder; }
    /// The node and every node below it.
    std::vector<std::size_t> subtree(std::size_t node) const;
    /// What made a node a root although it names a parent.
    const std::vector<std::string>& problems() const { return m_problems; }

    /// Each node's own value plus its descendants' (`own` indexed by node).
    template <class T>
    std::vector<T> rollUp(const std::vector<T>& own) const {
        std::vector<T> total(own);
        for (auto it = m_preorder.rbegin(); it != m_preorder.rend(); ++it)
            if (auto p = m_parent[*it]; p >= 0) total[static_cast<std::size_t>(p)] += total[*it];
        return total;
    }

private:
    std::vector<std::int64_t> m_id;
    std::vector<std::int64_t> m_parent;  ///< node index, -1 for a root
    std::vector<std::vector<std::size_t>> m_children;
    std::vector<std::size_t> m_roots, m_preorder;
    std::vector<int> m_depth;
    std::unordered_map<std::int64_t, std::size_t> m_index;
    std::vector<std::string> m_problems;
};

}  // namespace cw::engine::kpi
