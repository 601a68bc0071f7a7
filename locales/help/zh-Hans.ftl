# clerk 命令行的说明、标题与错误（简体中文）。键名：help-命令路径（说明）、help-命令路径-long（详细说明）、
# help-命令路径-参数 id；多个命令共用的参数写作 help-arg-参数 id。示例中的命令保持原样，只翻译 # 之后的注释。

## 标题
help-heading-usage-line = 用法：
help-heading-arguments = 参数：
help-heading-options = 选项：
help-heading-commands = 命令：
help-note-default = [默认：
help-note-possible = [可选值：
help-note-possible-long = 可选值：
help-note-aliases = [别名：
help-note-env = [环境变量：

## 参数的占位名称（用法与选项中的 <…>）
help-note-options = [选项]
help-value-dir = 目录
help-value-dir-or-files = 目录或文件
help-value-lang = 语言
help-value-locale = 语言
help-value-key = 密钥
help-value-file = 文件
help-value-files = 文件
help-value-file-pub = 公钥文件.pub
help-value-date = 日期
help-value-level = 密级
help-value-output = 输出
help-value-format = 格式
help-value-name = 名称
help-value-step = 步骤
help-value-person = 人员
help-value-by = 审批人
help-value-role = 职务
help-value-role-scope = 职务[:部门,…]
help-value-type = 类型
help-value-fields = 字段=值
help-value-field-value = 字段=值
help-value-command = 命令
help-value-year = 年度
help-value-within = 期间
help-value-port = 端口
help-value-commit = 提交
help-value-rev = 版本
help-value-title = 标题
help-value-state = 状态

## 手册页（man）的章节
help-man-name = 名称
help-man-synopsis = 用法
help-man-description = 说明
help-man-options = 选项
help-man-subcommands = 子命令
help-man-extra = 其他
help-man-version = 版本
help-man-authors = 作者
help-man-wrote = 已将手册页写入 { $dir }
help-man-no-command = 没有 `{ $name }` 这个命令（`clerk --help` 列出所有命令）

## clap 的错误
clap-error = 错误：
clap-tip = 提示：
clap-colon = ：
clap-tip-similar = 提示：有相近的写法：{ $similar }
clap-tip-pass = 若要把 { $value } 当作值传入，请写 { $how }
clap-try-help = 详细说明请用 '--help'。
clap-unknown-argument = 无法识别的参数 { $arg }
clap-unknown-command = 没有 { $command } 这个命令
clap-value-missing = { $arg } 需要一个值，但没有提供
clap-invalid-value = { $value } 不是 { $arg } 可用的值
clap-value-refused = { $arg } 的值 { $value } 无效
clap-missing-argument = 缺少必要的参数：{ $arg }
clap-missing-command = 请指定一个命令
clap-conflict = { $arg } 不能与 { $prior } 同时使用
clap-no-equals = { $arg } 的值须以 = 连接（例如 { $arg }=值）
clap-too-many-values = { $arg } 不接受更多的值：{ $value }
clap-wrong-number = { $arg } 的值数目不对
clap-allowed = [可选值：{ $values }]
cli-lang-unknown = clerk 不会说 `{ $lang }`：可用 zh-Hant、zh-Hans 或 en
cli-chdir-failed = 无法切换到 `{ $dir }`：{ $why }
cli-not-a-date = `{ $value }` 不是日期（格式 YYYY-MM-DD）

## clerk 本身与全域选项
help-clerk = 把协会秘书处的记录存为 git 中经过检查、签署的 Markdown 文件
help-arg-chdir = 如同在<目录>中启动 clerk（与 `git -C DIR` 相同）。每个命令都从当前的文件夹往上寻找记录仓库，与 git 的做法相同
help-arg-lang = clerk 消息所用的语言：zh-Hant、zh-Hans 或 en [默认：$CLERK_LANG，其次为系统的 LANG，再其次为协会的 `association.locale`]
help-arg-help = 显示说明
help-arg-help-more = 显示说明（用 '--help' 看详细说明）
help-arg-help-more-long = 显示说明（用 '-h' 看摘要）
help-arg-version = 显示版本
help-help = 显示此说明，或指定命令的说明

## 多个命令共用的参数
help-arg-keys = 您的 SSH 私钥，用来读取加密保存的记录（*.md.age）[默认：~/.ssh/id_ed25519 或 ~/.ssh/id_rsa（若有）]。可指定多次
help-arg-today = 以这一天判断日期，格式 YYYY-MM-DD [默认：今天]
help-arg-dir = 记录仓库
help-arg-file = 记录文件
help-arg-date = 要写入的日期，格式 YYYY-MM-DD [默认：今天]
help-arg-port = 端口（0：任一空闲的端口）
help-arg-audience = 只含密级在此级别（clerk.yaml `classifications` 中的 id）或以下的记录 [默认：最高的 `confidential`]
help-arg-within = 往后看多远：30d、2w，或天数
help-arg-format-value-text = 编译器式的文本，附有问题所在的那一行
help-arg-format-value-json = 一份 JSON 文档，含每项检查结果与摘要
help-arg-format-value-github = GitHub Actions 注释，其后是摘要

## clerk check
help-check = 依协会的规则检查每一条记录。
help-check-long =
    依协会的规则检查每一条记录。

    退出状态：0 无误（可有警告），1 发现错误，2 无法执行。

    示例：
      clerk check                      # 此文件夹所在的仓库
      clerk check records-example      # 另一个文件夹
      clerk check --staged             # `git commit` 将要记下的内容（pre-commit 钩子）
      clerk check --since origin/main  # 一个分支的每次提交，依序检查（CI）
      clerk check --format json        # 供其他程序读取的检查结果
help-check-paths = 记录仓库 [默认：当前文件夹所在的仓库]，或记录文件：此时只显示这些文件的检查结果（包括跨记录的检查）
help-check-quiet = 只显示错误
help-check-verbose = 逐项显示每个警告（否则同类的多项会合并计数）
help-check-staged = 检查暂存的版本（git index），以及每项暂存的变更相对于 HEAD
help-check-since = 检查<版本>之后直到 HEAD 的每次提交，各自与其上一版比较（合并时取第一个上一版）
help-check-root = 与 --since 同用：仓库的历史必须由此提交开始 [默认：clerk.yaml 的 `governance.root`（若有）]
help-check-format = 检查结果的输出格式

## clerk audit
help-audit = 检查整段历史，每次提交都依其之前有效的规则判断。
help-audit-long =
    检查整段历史，每次提交都依其之前有效的规则判断。

    列出治理链：规则、职务与密钥的每次变更，由谁以哪把密钥审批，并标出任何断裂之处。

    退出状态：0 完整无断裂，1 发现错误，2 无法执行。

    示例：
      clerk audit                           # 此文件夹所在的仓库
      clerk audit --root 4f1c2e9            # 并要求历史由此提交开始
help-audit-root = 历史必须由此提交开始 [默认：clerk.yaml 的 `governance.root`（若有）]
help-audit-format = 检查结果的输出格式

## clerk build
help-build = 构建档案库网站：记录页面、索引、搜索、订阅。
help-build-long =
    构建档案库网站：记录页面、索引、搜索、订阅。

    先做检查：有错误时停止构建，除非加上 --allow-errors，此时会标记受影响的记录。记录只出现在其密级及以上的版本中。

    示例：
      clerk build records-example                      # 公开网站，构建到 records-example/public
      clerk build --audience internal -o /srv/intranet # 秘书处的内部网站
help-build-output = 输出文件夹 [默认：<目录>/public]
help-build-audience = 网站的读者：只出现密级在此级别（clerk.yaml `classifications` 中的 id）或以下的记录 [默认：最低的 `public`]
help-build-allow_errors = 记录有错误时仍然构建，并标记这些记录
help-build-no_search = 不构建搜索索引（搜索页会说明搜索无法使用）：构建较快，例如用来检查大型档案库的页面
help-build-no_pdf = 不生成已发文公文的 PDF（以 GB/T 9704 版式排版，放在每份公文的页面旁；须以 `pdf` 功能构建 clerk）

## clerk serve
help-serve = 编辑时预览档案库网站：文件一有变更就重新构建，开着的页面也会重新加载。
help-serve-long =
    编辑时预览档案库网站：文件一有变更就重新构建，开着的页面也会重新加载。

    只在 127.0.0.1 上提供。检查有错误的记录会被标记，错误也会列在每一页的顶端，直到改正为止。

    示例：
      clerk serve                               # http://127.0.0.1:8000/
      clerk serve records-example --port 8080 --audience public
help-serve-audience = 要显示谁的网站：只含密级在此级别（clerk.yaml `classifications` 中的 id）或以下的记录 [默认：最高的 `confidential`]

## clerk desk
help-desk = 在浏览器中审批：您的待办，以及每条要签署或附意见退回的记录。
help-desk-long =
    在浏览器中审批：您的待办，以及每条要签署或附意见退回的记录。

    每条记录以发出时的样子显示，并标出自您上次审批以来的变更。只在 127.0.0.1 上监听，并打印出一个带随机令牌的地址；只有打开该地址的浏览器能使用审批台。核准时以您自己的密钥签署，与 `clerk sign` 完全相同，并提交该文件（除非加上 --no-commit）。

    示例：
      clerk desk                                   # 您的审批台（$CLERK_PERSON 或您密钥的拥有者）
      clerk desk --as lin-wenhui --key ~/.ssh/id_ed25519.pub   # 密钥由 ssh-agent 保管
      clerk desk records-example --port 8401 --no-commit
help-desk-who = 谁的审批台 [默认：$CLERK_PERSON，或 ~/.ssh/id_ed25519.pub 的拥有者]
help-desk-key = 用来签署的私钥（使用 agent 时则为其公钥）[默认：~/.ssh/id_ed25519]
help-desk-no_commit = 只把审批写入文件，不提交

## clerk register
help-register = 输出登记簿：记录类型文件所宣告的记录表格。
help-register-long =
    输出登记簿：记录类型文件所宣告的记录表格。

    登记簿与网站一样依读者密级筛选；此处默认为机密，因为运行 clerk 的人本来就能读取这些文件。

    示例：
      clerk register --list
      clerk register documents
      clerk register budget-vs-actual --year 2026 --format xlsx -o budget.xlsx
      clerk register income --format csv > income.csv
help-register-name = 登记簿的名称（见 --list）
help-register-list = 列出所有登记簿
help-register-year = 只列此年度的数据行（适用于分年度的登记簿）
help-register-format = 登记簿的输出格式
help-register-output = 写入此文件（CSV、XLSX）
help-register-dir = 记录仓库 [默认：当前文件夹所在的仓库]

## clerk report
help-report = 输出报告：图表（SVG）及其表格，或年度工作报告，格式为 Markdown。
help-report-long =
    输出报告：图表（SVG）及其表格，或年度工作报告，格式为 Markdown。

    示例：
      clerk report                                  # 列出所有报告
      clerk report budget-vs-actual --year 2026 -o budget.md
      clerk report annual --year 2026 -o 2026-annual-report.md   # 年度工作报告
help-report-name = 报告的名称，或 `annual`
help-report-year = 报告涵盖的年度 [默认：今年]
help-report-output = 写入此文件
help-report-dir = 记录仓库 [默认：当前文件夹所在的仓库]

## clerk due
help-due = 列出即将到期或已逾期的事项，依负责人分组。
help-due-long =
    列出即将到期或已逾期的事项，依负责人分组。

    示例：
      clerk due                     # 已逾期，以及 30 天内到期
      clerk due --within 2w --as-of 2026-12-01
help-due-format = 列表的输出格式

## clerk inbox
help-inbox = 列出今天等您处理的事：要给的审批、要阅读的公文、任务、期限。
help-inbox-long =
    列出今天等您处理的事：要给的审批、要阅读的公文、任务、期限。

    依规则计算：您现在可以给的审批（依流程与审批权限）、要阅读的公文（传阅）、要销假的请假、由您执行的决议，以及您负责的期限。

    示例：
      clerk inbox                       # 您的：$CLERK_PERSON，或您 SSH 密钥的拥有者
      clerk inbox --as lin-wenhui
      clerk inbox --all --format json
help-inbox-who = 谁的待办 [默认：$CLERK_PERSON，或 ~/.ssh/id_ed25519.pub 的拥有者]
help-inbox-all = 每个人的，逐人列出
help-inbox-within = 期限往后列多远：30d、2w，或天数
help-inbox-format = 输出格式

## clerk pdf
help-pdf = 把已发文的公文写成 PDF，版式依 GB/T 9704-2012。
help-pdf-long =
    把已发文的公文写成 PDF，版式依 GB/T 9704-2012。

    记录类型的 `layout:` 指定哪个字段填入哪个要素（文号、主送、抄送、成文日期…）；模板为 templates/document.typ，仓库自己的同名文件会取代它。字体取自系统及仓库的 templates/fonts/，并嵌入 PDF。没有中文字体时：`apt install fonts-noto-cjk`。

    示例：
      clerk pdf documents/2026-doc-001.md               # 写出 ./2026-doc-001.pdf
      clerk pdf documents/2026-doc-001.md documents/2026-doc-003.md -o pdf/
help-pdf-files = 公文（类型设有 `layout: {"{"}kind: document{"}"}` 的记录文件）
help-pdf-output = 写入 ID.pdf 的文件夹

## clerk schema
help-schema = 把记录类型导出为 JSON Schema 文件，供编辑器与验证工具使用。
help-schema-long =
    把记录类型导出为 JSON Schema 文件，供编辑器与验证工具使用。

    示例：
      clerk schema document                  # 输出一个类型的 schema
      clerk schema -o .vscode/schemas        # 为每个类型写出 TYPE.schema.json
      clerk schema --front-matter-cms -o frontmatter.json   # Front Matter CMS 的内容类型
help-schema-type_name = 记录类型
help-schema-front_matter_cms = 输出 Front Matter CMS 编辑器扩展的内容类型（frontmatter.json）
help-schema-output = 把 schema 写入此文件夹（与 --front-matter-cms 同用时：写入此文件）
help-schema-dir = 记录仓库 [默认：当前文件夹所在的仓库]

## clerk completions
help-completions = 输出 shell 自动补全脚本。
help-completions-long =
    输出 shell 自动补全脚本。

    示例：
      clerk completions bash > ~/.local/share/bash-completion/completions/clerk
help-completions-shell = 要自动补全的 shell

## clerk man
help-man = 输出手册页（roff），或为每个命令各写一页到文件夹中。
help-man-long =
    输出手册页（roff），或为每个命令各写一页到文件夹中。

    示例：
      clerk man > clerk.1 && man ./clerk.1
      clerk man check | man -l -                 # clerk-check(1)
      clerk man --out-dir ~/.local/share/man/man1  # clerk.1、clerk-check.1、…
help-man-command = 要输出哪个命令的手册页 [默认：clerk 本身的]
help-man-out_dir = 改为把每一页（clerk.1 与 clerk-命令.1）写入此文件夹

## clerk digest
help-digest = 输出审批所签署的确切文字（其内容），或只输出内容摘要值。
help-digest-long =
    输出审批所签署的确切文字（其内容），或只输出内容摘要值。

    审批人为 --by，或 CLERK_PERSON；若其只担任一个可给予该步骤的职务，职务会自动推定。没有 --step 时，只输出记录的内容摘要值。

    示例：
      clerk digest documents/2026-doc-004.md --step approve --by chen-jianguo
      clerk digest documents/2026-doc-004.md
help-digest-step = 审批步骤；没有时只输出内容摘要值
help-arg-by = 审批人的人员 id [默认：$CLERK_PERSON]
help-arg-role = 给予审批时所用的职务（只在审批人担任多个可给予的职务时才需要）

## clerk sign
help-sign = 以您的 SSH 密钥签署一项审批，并写入记录。
help-sign-long =
    以您的 SSH 密钥签署一项审批，并写入记录。

    以 `ssh-keygen -Y sign` 签署（因此 ssh-agent、密码短语与硬件密钥都可使用），再把审批——步骤、人员、职务、日期、摘要值、签章——加入记录的 `approvals:`，不改动其他任何一行。同一步骤与人员若已有未签署的项目，则就地签署。

    示例：
      clerk sign documents/2026-doc-004.md --step approve --by chen-jianguo --key ~/.ssh/id_ed25519

    当这项审批补齐了下一个状态所需的条件，状态即移到该处（`--no-advance` 则保持不变）；然后 clerk 说明记录接下来需要什么，由谁给予。
help-sign-step = 审批步骤（依记录类型的命名，例如 review、approve）
help-sign-key = 用来签署的私钥（使用 agent 时则为其公钥）[默认：~/.ssh/id_ed25519]
help-sign-no_advance = 保持状态不变，即使这项审批已补齐下一个状态的条件

## clerk advance
help-advance = 当下一步不需签章时，把记录移到下一个状态。
help-advance-long =
    当下一步不需签章时，把记录移到下一个状态。

    适用于已召开、纪要已送出、已销假、已付款等步骤：设置所给的字段，并把该状态需要的日期设为 --date。先检查结果，若缺少该状态的条件则不做任何改动。

    示例：
      clerk advance leave/leave-2026-030.md                 # 已核准 → 已销假，returned_on 为今天
      clerk advance finance/expenses/exp-2026-004.md voucher=付-2026-012
      clerk advance meetings/2026-council-03.md --to held
      clerk advance documents/2026-doc-005.md --to draft --comment 请补充预算 --as lin-wenhui  # 退回，理由记入记录
help-advance-to = 要移到的状态 [默认：流程允许的唯一下一个状态]
help-advance-fields = 要设置的 字段=值（文字或日期）；该状态需要的日期默认为 --date
help-advance-comment = 退回的理由（退回意见），连同您的姓名与日期记入类型文件 `returns:` 所指的列表；该类型保存退回时必填
help-advance-who = 退回的人 [默认：$CLERK_PERSON]

## clerk read
help-read = 记下您已阅读一条传阅中的记录（传阅）。
help-read-long =
    记下您已阅读一条传阅中的记录（传阅）。

    您在记录传阅名单中的项目会填上日期（必要时会加上一项）。

    示例：
      clerk read documents/2026-doc-004.md --as lin-wenhui
      clerk read documents/2026-doc-004.md --date 2026-11-27   # 以 $CLERK_PERSON 的身分
help-read-who = 阅读的人 [默认：$CLERK_PERSON]

## clerk diff
help-diff = 显示自某项审批签署以来，记录有哪些变更。
help-diff-long =
    显示自某项审批签署以来，记录有哪些变更。

    从文件的 git 历史中找出审批摘要值所指的版本，与现在的文件比较：逐栏比较，正文逐词比较。没有 --step 与 --by 时，列出每一项已过时的审批（E055）。

    示例：
      clerk diff documents/2026-doc-004.md
      clerk diff documents/2026-doc-004.md --step approve --by lin-wenhui
help-diff-step = 只看此步骤的审批
help-diff-by = 只看此人的审批

## clerk init
help-init = 以默认规则（管理制度）创建记录仓库，使用您的语言：中性的 clerk.yaml、每个记录类型文件、README、.gitignore 与 git 钩子。
help-init-long =
    以默认规则（管理制度）创建记录仓库，使用您的语言：中性的 clerk.yaml、每个记录类型文件、README、.gitignore 与 git 钩子。

    示例：
      clerk init records --name 青岚文化交流协会 --holidays zh-TW-2026
      clerk init records --locale zh-Hans --holidays zh-CN-2026
      cd records && clerk new person --id YOUR-ID --title "YOUR NAME" --key ~/.ssh/id_ed25519.pub
help-init-dir = 要创建或填入的文件夹
help-init-name = 协会的名称
help-init-locale = 设置、标签与 README 所用的语言：zh-Hant（繁体中文）、zh-Hans（简体中文）或 en
help-init-holidays = clerk 附带的假日历，复制到 clerk.yaml 的 `calendar:`（zh-TW-2026、zh-CN-2026）。可指定多次；不指定时列表留给您填写

## clerk new
help-new = 以下一个可用的名称与今天的日期创建一条<类型>的记录；输出其路径。
help-new-long =
    以下一个可用的名称与今天的日期创建一条<类型>的记录；输出其路径。

    记录会有该类型的必填字段（日期设为今天，人员设为 $CLERK_PERSON，其余留空并附注说明该填什么）及其流程的第一个状态。以 字段=值 给出的字段照原样写入（YAML）。

    示例：
      clerk new document --title 关于召开理事会会议的通知 kind=通知 department=general
      clerk new leave kind=annual days=2
      clerk new person --id zhang-wei --title 张伟
      $EDITOR "$(clerk new meeting --title 第三次理事会)"
help-new-type_name = 记录类型（types/ 中的一个文件）
help-new-title = 记录的标题
help-new-id = 文件名与 id，取代该类型 `new.name` 的命名规则
help-new-fields = 要设置的 字段=值
help-new-key = 用于人员：其 SSH 公钥文件（ssh-keygen 的 `.pub`），自 --date 起有效。可指定多次
help-new-role = 用于人员：其自 --date 起担任的职务，以及所涵盖的部门，例如 `department-head:general` 或 `deputy-secretary-general:membership,events`。可指定多次
help-new-dir = 记录仓库 [默认：当前文件夹所在的仓库]

## clerk issue
help-issue = 发文：编上下一个文号，设置发文日期，状态改为已发文。
help-issue-long =
    发文：编上下一个文号，设置发文日期，状态改为已发文。

    文号依 clerk.yaml 的 `numbering`（例如 协秘〔2026〕3号），为仓库中该年度最大号加一。记录的其他各行逐字节保持不变；clerk 先检查结果，若缺少该状态的审批则拒绝。

    示例：
      clerk issue documents/2026-doc-004.md

## clerk archive
help-archive = 归档：编上记录的档号（DA/T 22-2015）与保管期限。
help-archive-long =
    归档：编上记录的档号（DA/T 22-2015）与保管期限。

    档号依 clerk.yaml 的 `archive`（例如 Z109-WS·2026-D30-ZHB-0001：全宗、类别、年度、保管期限、部门代号、件号）。记录的其他各行逐字节保持不变；clerk 先检查结果。

    示例：
      clerk archive documents/2026-doc-001.md

## clerk encrypt、decrypt、reencrypt
help-encrypt = 把记录加密保存（NAME.md → NAME.md.age），加密给有权阅读者的密钥。
help-encrypt-long =
    把记录加密保存（NAME.md → NAME.md.age），加密给有权阅读者的密钥。

    阅读者取自 clerk.yaml 的 `encryption.readers`（依职务或人员，按类型或密级）；其密钥取自 people/。加密文件完整写好之后才删除明文文件。审批仍然有效：审批签署的是明文内容。

    示例：
      clerk encrypt assessments/2026-q3-wang-fang.md
help-encrypt-date = 以哪一天的职务与密钥为准，格式 YYYY-MM-DD [默认：今天]
help-decrypt = 以您的密钥把加密的记录还原为明文保存（NAME.md.age → NAME.md）。
help-decrypt-long =
    以您的密钥把加密的记录还原为明文保存（NAME.md.age → NAME.md）。

    示例：
      clerk decrypt assessments/2026-q3-wang-fang.md.age --identity ~/.ssh/id_ed25519
help-decrypt-file = 加密的记录文件
help-reencrypt = 重新加密每一条阅读者有变动（有人离开或加入）的加密记录。
help-reencrypt-long =
    重新加密每一条阅读者有变动（有人离开或加入）的加密记录。

    需要一把能打开它们的密钥；阅读者不变的文件不会被改动。

    示例：
      clerk reencrypt --identity ~/.ssh/id_ed25519
help-reencrypt-date = 以哪一天的职务与密钥为准，格式 YYYY-MM-DD [默认：今天]

## clerk hooks
help-hooks = 检查每次提交的 git 钩子
help-hooks-install = 安装运行 `clerk check --staged` 的 pre-commit 与 pre-merge-commit 钩子。
help-hooks-install-long =
    安装运行 `clerk check --staged` 的 pre-commit 与 pre-merge-commit 钩子。

    不是 clerk 写的钩子，没有 --force 时绝不覆盖。

    示例：
      clerk hooks install records-example
help-hooks-install-force = 取代不是 clerk 写的钩子

## clerk keys
help-keys = 输出人员的密钥，以便只用 ssh-keygen 重新验证审批；新增密钥。
help-keys-long =
    输出人员的密钥，以便只用 ssh-keygen 重新验证审批；新增密钥。

    示例：
      clerk keys add wang-fang ~/.ssh/id_ed25519.pub
      clerk keys --allowed-signers > allowed_signers
      ssh-keygen -Y verify -f allowed_signers -I lin-wenhui -n clerk-approval \
          -s sig.txt -Overify-time=20260119 < payload.txt
help-keys-allowed_signers = 以 OpenSSH 的 allowed_signers 格式输出
help-keys-output = 写入此文件，而非标准输出
help-keys-add = 在人员的记录（`keys:`）中加入一把公钥，自 --date 起有效。
help-keys-add-long =
    在人员的记录（`keys:`）中加入一把公钥，自 --date 起有效。

    示例：
      clerk keys add wang-fang ~/.ssh/id_ed25519.pub
help-keys-add-person = 人员的 id（其在 people/ 中的记录）
help-keys-add-key = 其 SSH 公钥文件（ssh-keygen 的 `.pub`）
help-keys-add-dir = 记录仓库 [默认：当前文件夹所在的仓库]
