# clerk 的用语（简体中文）。保留 { $name } 等占位符；E012 等代码不翻译。

## `clerk check` 的摘要与说明
summary = 已检查 { $records }：{ $errors }，{ $warnings }（{ $seconds } 秒）
count-records = { $n } 条记录
count-errors = { $n } 个错误
count-warnings = { $n } 个警告
note-unreadable = 说明：有 { $n } 条加密记录未读取：没有可打开的密钥（用 --identity 提供您的密钥）；其余均已检查
grouped = ——另有 { $n } 项同类 { $code }（`clerk check --verbose` 逐项列出）
hint = 提示

## 字段与记录类型的结构
field-empty = `{ $field }` 尚未填写
field-empty-hint = 请在 `{ $field }:` 之后填写{ $about }
field-empty-hint-bare = 请在 `{ $field }:` 之后填写内容；若此字段非必填，可删除该行
field-empty-choice-hint = 请在 `{ $field }:` 之后填写下列之一：{ $choices }
field-missing = 缺少必填字段 `{ $name }`
field-missing-in = `{ $field }` 缺少必填字段 `{ $name }`
field-missing-hint = 请加上 `{ $name }:`（{ $about }）
field-missing-hint-bare = 请加上 `{ $name }:`
field-wrong-type = `{ $field }` 应为{ $expected }，但现在是{ $actual }
field-not-allowed = `{ $field }` 为 { $value }，此处不允许
field-unknown = 记录类型 `{ $type }` 没有字段 `{ $field }`
hint-did-you-mean = 是否要写 `{ $best }`？允许的值：{ $allowed }
hint-allowed = 允许的值：{ $allowed }
type-text = 文字
type-number = 数字
type-integer = 整数
type-boolean = true 或 false
type-list = 列表
type-mapping = 映射（键: 值）
type-empty = 空白
hint-type-text = 若 YAML 把值读成别的东西，请加上引号，例如 "2026"
hint-type-number = 请写数字，不加引号或单位，例如 1200.50
hint-type-list = 列表写成 `[甲, 乙]`，或每行以 `- ` 开头
hint-type-mapping = 请在此字段下以缩进写 `键: 值` 各行
hint-type-other = 请写{ $expected }

## 流程状态与审批
state-needs-field = 此{ $type_label }的状态为「{ $state_label }」，须填写 `{ $field }`（{ $field_title }）
state-needs-field-hint = 请加上 `{ $field }:`，或把状态改回「{ $before_label }」之前的状态
state-needs-approval = 此{ $type_label }的状态为「{ $state_label }」，须有「{ $step_label }」（`{ $step }`）审批
approval-stale = `{ $by }` 于 { $date } 审批之后记录已有改动：这项「{ $step }」审批已不涵盖现在的内容
approval-stale-hint = `clerk diff { $path } --step { $step } --by { $by }` 显示改动之处；请 { $by } 审批新内容（`clerk sign { $path } --step { $step } --by { $by }`），或还原改动
transition-refused = 状态由 { $was_label } 改为 { $is_label }，流程不允许这一步
transition-repair = `{ $was }` 不是{ $type_label }的状态；请改为 { $allowed_labels }
transition-final = { $type_label }到了 { $was_label } 便不再变动
transition-allowed = { $type_label }由 { $was_label } 只能改为：{ $allowed_labels }

## Feeds (search task, issue #19 item 8): W125
feed-base-url-missing = 订阅源（Atom、iCalendar）构建时没有 `site.base_url`：链接是相对地址，订阅软件无法打开
feed-base-url-missing-hint = 在 clerk.yaml 写上本站发布的网址，例如在 `site:` 下写 `base_url: https://archive.example.org/`
feed-timezone-missing = 日历读取活动时间，但未设置 `association.timezone`：活动只能以全天显示
feed-timezone-missing-hint = 在 clerk.yaml 的 `association:` 下写上与 UTC 的时差，例如 `timezone: "+08:00"`
