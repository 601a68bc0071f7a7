# clerk 命令列的說明、標題與錯誤（繁體中文）。鍵名：help-指令路徑（說明）、help-指令路徑-long（詳細說明）、
# help-指令路徑-參數 id；數個指令共用的參數寫作 help-arg-參數 id。範例中的指令保持原樣，只翻譯 # 之後的註解。

## 標題
help-heading-usage-line = 用法：
help-heading-arguments = 參數：
help-heading-options = 選項：
help-heading-commands = 指令：
help-note-default = [預設：
help-note-possible = [可選值：
help-note-possible-long = 可選值：
help-note-aliases = [別名：
help-note-env = [環境變數：

## 參數的佔位名稱（用法與選項中的 <…>）
help-note-options = [選項]
help-value-dir = 目錄
help-value-dir-or-files = 目錄或檔案
help-value-lang = 語言
help-value-locale = 語言
help-value-key = 金鑰
help-value-file = 檔案
help-value-files = 檔案
help-value-file-pub = 公鑰檔.pub
help-value-date = 日期
help-value-level = 密級
help-value-output = 輸出
help-value-format = 格式
help-value-name = 名稱
help-value-step = 步驟
help-value-person = 人員
help-value-by = 審批人
help-value-role = 職務
help-value-role-scope = 職務[:部門,…]
help-value-type = 類型
help-value-fields = 欄位=值
help-value-field-value = 欄位=值
help-value-command = 指令
help-value-year = 年度
help-value-within = 期間
help-value-port = 連接埠
help-value-commit = 提交
help-value-rev = 版本
help-value-title = 標題
help-value-state = 狀態

## 說明頁（man）的章節
help-man-name = 名稱
help-man-synopsis = 用法
help-man-description = 說明
help-man-options = 選項
help-man-subcommands = 子指令
help-man-extra = 其他
help-man-version = 版本
help-man-authors = 作者
help-man-wrote = 已將說明頁寫入 { $dir }
help-man-no-command = 沒有 `{ $name }` 這個指令（`clerk --help` 列出所有指令）

## clap 的錯誤
clap-error = 錯誤：
clap-tip = 提示：
clap-colon = ：
clap-tip-similar = 提示：有相近的寫法：{ $similar }
clap-tip-pass = 若要把 { $value } 當作值傳入，請寫 { $how }
clap-try-help = 詳細說明請用 '--help'。
clap-unknown-argument = 無法識別的參數 { $arg }
clap-unknown-command = 沒有 { $command } 這個指令
clap-value-missing = { $arg } 需要一個值，但沒有提供
clap-invalid-value = { $value } 不是 { $arg } 可用的值
clap-value-refused = { $arg } 的值 { $value } 無效
clap-missing-argument = 缺少必要的參數：{ $arg }
clap-missing-command = 請指定一個指令
clap-conflict = { $arg } 不能與 { $prior } 同時使用
clap-no-equals = { $arg } 的值須以 = 連接（例如 { $arg }=值）
clap-too-many-values = { $arg } 不接受更多的值：{ $value }
clap-wrong-number = { $arg } 的值數目不對
clap-allowed = [可選值：{ $values }]
cli-lang-unknown = clerk 不會說 `{ $lang }`：可用 zh-Hant、zh-Hans 或 en
cli-chdir-failed = 無法切換到 `{ $dir }`：{ $why }
cli-not-a-date = `{ $value }` 不是日期（格式 YYYY-MM-DD）

## clerk 本身與全域選項
help-clerk = 把協會秘書處的記錄保存為 git 中經過檢查、簽署的 Markdown 檔
help-arg-chdir = 如同在<目錄>中啟動 clerk（與 `git -C DIR` 相同）。每個指令都從目前的資料夾往上尋找記錄儲存庫，與 git 的做法相同
help-arg-lang = clerk 訊息所用的語言：zh-Hant、zh-Hans 或 en [預設：$CLERK_LANG，其次為系統的 LANG，再其次為協會的 `association.locale`]
help-arg-help = 顯示說明
help-arg-help-more = 顯示說明（用 '--help' 看詳細說明）
help-arg-help-more-long = 顯示說明（用 '-h' 看摘要）
help-arg-version = 顯示版本
help-help = 顯示此說明，或指定指令的說明

## 數個指令共用的參數
help-arg-keys = 您的 SSH 私鑰，用來讀取加密保存的記錄（*.md.age）[預設：~/.ssh/id_ed25519 或 ~/.ssh/id_rsa（若有）]。可指定多次
help-arg-today = 以這一天判斷日期，格式 YYYY-MM-DD [預設：今天]
help-arg-dir = 記錄儲存庫
help-arg-file = 記錄檔
help-arg-date = 要寫入的日期，格式 YYYY-MM-DD [預設：今天]
help-arg-port = 連接埠（0：任一空閒的連接埠）
help-arg-audience = 只含密級在此級別（clerk.yaml `classifications` 中的 id）或以下的記錄 [預設：最高的 `confidential`]
help-arg-within = 往後看多遠：30d、2w，或天數
help-arg-format-value-text = 編譯器式的文字，附有問題所在的那一行
help-arg-format-value-json = 一份 JSON 文件，含每項檢查結果與摘要
help-arg-format-value-github = GitHub Actions 註記，其後是摘要

## clerk check
help-check = 依協會的規則檢查每一筆記錄。
help-check-long =
    依協會的規則檢查每一筆記錄。

    結束狀態：0 無誤（可有警告），1 發現錯誤，2 無法執行。

    範例：
      clerk check                      # 此資料夾所在的儲存庫
      clerk check records-example      # 另一個資料夾
      clerk check --staged             # `git commit` 將要記下的內容（pre-commit 掛鉤）
      clerk check --since origin/main  # 一個分支的每次提交，依序檢查（CI）
      clerk check --format json        # 供其他程式讀取的檢查結果
help-check-paths = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]，或記錄檔：此時只顯示這些檔案的檢查結果（包括跨記錄的檢查）
help-check-quiet = 只顯示錯誤
help-check-verbose = 逐項顯示每個警告（否則同類的多項會合併計數）
help-check-staged = 檢查暫存的版本（git index），以及每項暫存的變更相對於 HEAD
help-check-since = 檢查<版本>之後直到 HEAD 的每次提交，各自與其上一版比較（合併時取第一個上一版）
help-check-root = 與 --since 同用：儲存庫的歷史必須由此提交開始 [預設：clerk.yaml 的 `governance.root`（若有）]
help-check-format = 檢查結果的輸出格式

## clerk audit
help-audit = 檢查整段歷史，每次提交都依其之前有效的規則判斷。
help-audit-long =
    檢查整段歷史，每次提交都依其之前有效的規則判斷。

    列出治理鏈：規則、職務與金鑰的每次變更，由誰以哪把金鑰審批，並標出任何斷裂之處。

    結束狀態：0 完整無斷裂，1 發現錯誤，2 無法執行。

    範例：
      clerk audit                           # 此資料夾所在的儲存庫
      clerk audit --root 4f1c2e9            # 並要求歷史由此提交開始
help-audit-root = 歷史必須由此提交開始 [預設：clerk.yaml 的 `governance.root`（若有）]
help-audit-format = 檢查結果的輸出格式

## clerk build
help-build = 建置檔案庫網站：記錄頁面、索引、搜尋、訂閱。
help-build-long =
    建置檔案庫網站：記錄頁面、索引、搜尋、訂閱。

    先做檢查：有錯誤時停止建置，除非加上 --allow-errors，此時會標示受影響的記錄。記錄只出現在其密級及以上的版本中。

    範例：
      clerk build records-example                      # 公開網站，建置到 records-example/public
      clerk build --audience internal -o /srv/intranet # 秘書處的內部網站
help-build-output = 輸出資料夾 [預設：<目錄>/public]
help-build-audience = 網站的讀者：只出現密級在此級別（clerk.yaml `classifications` 中的 id）或以下的記錄 [預設：最低的 `public`]
help-build-allow_errors = 記錄有錯誤時仍然建置，並標示這些記錄
help-build-no_search = 不建置搜尋索引（搜尋頁會說明搜尋無法使用）：建置較快，例如用來檢查大型檔案庫的頁面
help-build-no_pdf = 不產生已發文公文的 PDF（以 GB/T 9704 版式排版，放在每份公文的頁面旁；須以 `pdf` 功能建置 clerk）

## clerk serve
help-serve = 編輯時預覽檔案庫網站：檔案一有變更就重新建置，開著的頁面也會重新載入。
help-serve-long =
    編輯時預覽檔案庫網站：檔案一有變更就重新建置，開著的頁面也會重新載入。

    只在 127.0.0.1 上提供。檢查有錯誤的記錄會被標示，錯誤也會列在每一頁的頂端，直到改正為止。

    範例：
      clerk serve                               # http://127.0.0.1:8000/
      clerk serve records-example --port 8080 --audience public
help-serve-audience = 要顯示誰的網站：只含密級在此級別（clerk.yaml `classifications` 中的 id）或以下的記錄 [預設：最高的 `confidential`]

## clerk desk
help-desk = 在瀏覽器中審批：您的待辦，以及每筆要簽署或附意見退回的記錄。
help-desk-long =
    在瀏覽器中審批：您的待辦，以及每筆要簽署或附意見退回的記錄。

    每筆記錄以發出時的樣子顯示，並標出自您上次審批以來的變更。只在 127.0.0.1 上監聽，並印出一個帶隨機權杖的網址；只有開啟該網址的瀏覽器能使用審批台。核准時以您自己的金鑰簽署，與 `clerk sign` 完全相同，並提交該檔案（除非加上 --no-commit）。

    範例：
      clerk desk                                   # 您的審批台（$CLERK_PERSON 或您金鑰的擁有者）
      clerk desk --as lin-wenhui --key ~/.ssh/id_ed25519.pub   # 金鑰由 ssh-agent 保管
      clerk desk records-example --port 8401 --no-commit
help-desk-who = 誰的審批台 [預設：$CLERK_PERSON，或 ~/.ssh/id_ed25519.pub 的擁有者]
help-desk-key = 用來簽署的私鑰（使用 agent 時則為其公鑰）[預設：~/.ssh/id_ed25519]
help-desk-no_commit = 只把審批寫入檔案，不提交

## clerk register
help-register = 輸出登記簿：記錄類型檔所宣告的記錄表格。
help-register-long =
    輸出登記簿：記錄類型檔所宣告的記錄表格。

    登記簿與網站一樣依讀者密級篩選；此處預設為機密，因為執行 clerk 的人本來就能讀取這些檔案。

    範例：
      clerk register --list
      clerk register documents
      clerk register budget-vs-actual --year 2026 --format xlsx -o budget.xlsx
      clerk register income --format csv > income.csv
help-register-name = 登記簿的名稱（見 --list）
help-register-list = 列出所有登記簿
help-register-year = 只列此年度的資料列（適用於分年度的登記簿）
help-register-format = 登記簿的輸出格式
help-register-output = 寫入此檔案（CSV、XLSX）
help-register-dir = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]

## clerk report
help-report = 輸出報告：圖表（SVG）及其表格，或年度工作報告，格式為 Markdown。
help-report-long =
    輸出報告：圖表（SVG）及其表格，或年度工作報告，格式為 Markdown。

    範例：
      clerk report                                  # 列出所有報告
      clerk report budget-vs-actual --year 2026 -o budget.md
      clerk report annual --year 2026 -o 2026-annual-report.md   # 年度工作報告
help-report-name = 報告的名稱，或 `annual`
help-report-year = 報告涵蓋的年度 [預設：今年]
help-report-output = 寫入此檔案
help-report-dir = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]

## clerk due
help-due = 列出即將到期或已逾期的事項，依負責人分組。
help-due-long =
    列出即將到期或已逾期的事項，依負責人分組。

    範例：
      clerk due                     # 已逾期，以及 30 天內到期
      clerk due --within 2w --as-of 2026-12-01
help-due-format = 清單的輸出格式

## clerk inbox
help-inbox = 列出今天等您處理的事：要給的審批、要閱讀的公文、任務、期限。
help-inbox-long =
    列出今天等您處理的事：要給的審批、要閱讀的公文、任務、期限。

    依規則計算：您現在可以給的審批（依流程與審批權限）、要閱讀的公文（傳閱）、要銷假的請假、由您執行的決議，以及您負責的期限。

    範例：
      clerk inbox                       # 您的：$CLERK_PERSON，或您 SSH 金鑰的擁有者
      clerk inbox --as lin-wenhui
      clerk inbox --all --format json
help-inbox-who = 誰的待辦 [預設：$CLERK_PERSON，或 ~/.ssh/id_ed25519.pub 的擁有者]
help-inbox-all = 每個人的，逐人列出
help-inbox-within = 期限往後列多遠：30d、2w，或天數
help-inbox-format = 輸出格式

## clerk pdf
help-pdf = 把已發文的公文寫成 PDF，版式依 GB/T 9704-2012。
help-pdf-long =
    把已發文的公文寫成 PDF，版式依 GB/T 9704-2012。

    記錄類型的 `layout:` 指定哪個欄位填入哪個要素（文號、主送、抄送、成文日期…）；範本為 templates/document.typ，儲存庫自己的同名檔案會取代它。字型取自系統及儲存庫的 templates/fonts/，並嵌入 PDF。沒有中文字型時：`apt install fonts-noto-cjk`。

    範例：
      clerk pdf documents/2026-doc-001.md               # 寫出 ./2026-doc-001.pdf
      clerk pdf documents/2026-doc-001.md documents/2026-doc-003.md -o pdf/
help-pdf-files = 公文（類型設有 `layout: {"{"}kind: document{"}"}` 的記錄檔）
help-pdf-output = 寫入 ID.pdf 的資料夾

## clerk schema
help-schema = 把記錄類型匯出為 JSON Schema 檔，供編輯器與驗證工具使用。
help-schema-long =
    把記錄類型匯出為 JSON Schema 檔，供編輯器與驗證工具使用。

    範例：
      clerk schema document                  # 輸出一個類型的 schema
      clerk schema -o .vscode/schemas        # 為每個類型寫出 TYPE.schema.json
      clerk schema --front-matter-cms -o frontmatter.json   # Front Matter CMS 的內容類型
help-schema-type_name = 記錄類型
help-schema-front_matter_cms = 輸出 Front Matter CMS 編輯器擴充功能的內容類型（frontmatter.json）
help-schema-output = 把 schema 寫入此資料夾（與 --front-matter-cms 同用時：寫入此檔案）
help-schema-dir = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]

## clerk completions
help-completions = 輸出 shell 自動完成腳本。
help-completions-long =
    輸出 shell 自動完成腳本。

    範例：
      clerk completions bash > ~/.local/share/bash-completion/completions/clerk
help-completions-shell = 要自動完成的 shell

## clerk man
help-man = 輸出說明頁（roff），或為每個指令各寫一頁到資料夾中。
help-man-long =
    輸出說明頁（roff），或為每個指令各寫一頁到資料夾中。

    範例：
      clerk man > clerk.1 && man ./clerk.1
      clerk man check | man -l -                 # clerk-check(1)
      clerk man --out-dir ~/.local/share/man/man1  # clerk.1、clerk-check.1、…
help-man-command = 要輸出哪個指令的說明頁 [預設：clerk 本身的]
help-man-out_dir = 改為把每一頁（clerk.1 與 clerk-指令.1）寫入此資料夾

## clerk digest
help-digest = 輸出審批所簽署的確切文字（其內容），或只輸出內容摘要值。
help-digest-long =
    輸出審批所簽署的確切文字（其內容），或只輸出內容摘要值。

    審批人為 --by，或 CLERK_PERSON；若其只擔任一個可給予該步驟的職務，職務會自動推定。沒有 --step 時，只輸出記錄的內容摘要值。

    範例：
      clerk digest documents/2026-doc-004.md --step approve --by chen-jianguo
      clerk digest documents/2026-doc-004.md
help-digest-step = 審批步驟；沒有時只輸出內容摘要值
help-arg-by = 審批人的人員 id [預設：$CLERK_PERSON]
help-arg-role = 給予審批時所用的職務（只在審批人擔任數個可給予的職務時才需要）

## clerk sign
help-sign = 以您的 SSH 金鑰簽署一項審批，並寫入記錄。
help-sign-long =
    以您的 SSH 金鑰簽署一項審批，並寫入記錄。

    以 `ssh-keygen -Y sign` 簽署（因此 ssh-agent、密碼短語與硬體金鑰都可使用），再把審批——步驟、人員、職務、日期、摘要值、簽章——加入記錄的 `approvals:`，不更動其他任何一行。同一步驟與人員若已有未簽署的項目，則就地簽署。

    範例：
      clerk sign documents/2026-doc-004.md --step approve --by chen-jianguo --key ~/.ssh/id_ed25519

    當這項審批補齊了下一個狀態所需的條件，狀態即移到該處（`--no-advance` 則保持不變）；然後 clerk 說明記錄接下來需要什麼，由誰給予。
help-sign-step = 審批步驟（依記錄類型的命名，例如 review、approve）
help-sign-key = 用來簽署的私鑰（使用 agent 時則為其公鑰）[預設：~/.ssh/id_ed25519]
help-sign-no_advance = 保持狀態不變，即使這項審批已補齊下一個狀態的條件

## clerk advance
help-advance = 當下一步不需簽章時，把記錄移到下一個狀態。
help-advance-long =
    當下一步不需簽章時，把記錄移到下一個狀態。

    適用於已召開、紀要已送出、已銷假、已付款等步驟：設定所給的欄位，並把該狀態需要的日期設為 --date。先檢查結果，若缺少該狀態的條件則不做任何更動。

    範例：
      clerk advance leave/leave-2026-030.md                 # 已核准 → 已銷假，returned_on 為今天
      clerk advance finance/expenses/exp-2026-004.md voucher=付-2026-012
      clerk advance meetings/2026-council-03.md --to held
      clerk advance documents/2026-doc-005.md --to draft --comment 請補充預算 --as lin-wenhui  # 退回，理由記入紀錄
help-advance-to = 要移到的狀態 [預設：流程允許的唯一下一個狀態]
help-advance-fields = 要設定的 欄位=值（文字或日期）；該狀態需要的日期預設為 --date
help-advance-comment = 退回的理由（退回意見），連同您的姓名與日期記入類型檔 `returns:` 所指的清單；該類型保存退回時必填
help-advance-who = 退回的人 [預設：$CLERK_PERSON]

## clerk read
help-read = 記下您已閱讀一筆傳閱中的記錄（傳閱）。
help-read-long =
    記下您已閱讀一筆傳閱中的記錄（傳閱）。

    您在記錄傳閱名單中的項目會填上日期（必要時會加上一項）。

    範例：
      clerk read documents/2026-doc-004.md --as lin-wenhui
      clerk read documents/2026-doc-004.md --date 2026-11-27   # 以 $CLERK_PERSON 的身分
help-read-who = 閱讀的人 [預設：$CLERK_PERSON]

## clerk diff
help-diff = 顯示自某項審批簽署以來，記錄有哪些變更。
help-diff-long =
    顯示自某項審批簽署以來，記錄有哪些變更。

    從檔案的 git 歷史中找出審批摘要值所指的版本，與現在的檔案比較：逐欄比較，內文逐詞比較。沒有 --step 與 --by 時，列出每一項已過時的審批（E055）。

    範例：
      clerk diff documents/2026-doc-004.md
      clerk diff documents/2026-doc-004.md --step approve --by lin-wenhui
help-diff-step = 只看此步驟的審批
help-diff-by = 只看此人的審批

## clerk init
help-init = 以預設規則（管理制度）建立記錄儲存庫，使用您的語言：中性的 clerk.yaml、每個記錄類型檔、README、.gitignore 與 git 掛鉤。
help-init-long =
    以預設規則（管理制度）建立記錄儲存庫，使用您的語言：中性的 clerk.yaml、每個記錄類型檔、README、.gitignore 與 git 掛鉤。

    範例：
      clerk init records --name 青嵐文化交流協會 --holidays zh-TW-2026
      clerk init records --locale zh-Hans --holidays zh-CN-2026
      cd records && clerk new person --id YOUR-ID --title "YOUR NAME" --key ~/.ssh/id_ed25519.pub
help-init-dir = 要建立或填入的資料夾
help-init-name = 協會的名稱
help-init-locale = 設定、標籤與 README 所用的語言：zh-Hant（繁體中文）、zh-Hans（簡體中文）或 en
help-init-holidays = clerk 附帶的假日曆，複製到 clerk.yaml 的 `calendar:`（zh-TW-2026、zh-CN-2026）。可指定多次；不指定時清單留給您填寫

## clerk new
help-new = 以下一個可用的名稱與今天的日期建立一筆<類型>的記錄；輸出其路徑。
help-new-long =
    以下一個可用的名稱與今天的日期建立一筆<類型>的記錄；輸出其路徑。

    記錄會有該類型的必填欄位（日期設為今天，人員設為 $CLERK_PERSON，其餘留空並附註說明該填什麼）及其流程的第一個狀態。以 欄位=值 給出的欄位照原樣寫入（YAML）。

    範例：
      clerk new document --title 關於召開理事會會議的通知 kind=通知 department=general
      clerk new leave kind=annual days=2
      clerk new person --id zhang-wei --title 張偉
      $EDITOR "$(clerk new meeting --title 第三次理事會)"
help-new-type_name = 記錄類型（types/ 中的一個檔案）
help-new-title = 記錄的標題
help-new-id = 檔名與 id，取代該類型 `new.name` 的命名規則
help-new-fields = 要設定的 欄位=值
help-new-key = 用於人員：其 SSH 公鑰檔（ssh-keygen 的 `.pub`），自 --date 起有效。可指定多次
help-new-role = 用於人員：其自 --date 起擔任的職務，以及所涵蓋的部門，例如 `department-head:general` 或 `deputy-secretary-general:membership,events`。可指定多次
help-new-dir = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]

## clerk issue
help-issue = 發文：編上下一個文號，設定發文日期，狀態改為已發文。
help-issue-long =
    發文：編上下一個文號，設定發文日期，狀態改為已發文。

    文號依 clerk.yaml 的 `numbering`（例如 協秘〔2026〕3號），為儲存庫中該年度最大號加一。記錄的其他各行逐位元組保持不變；clerk 先檢查結果，若缺少該狀態的審批則拒絕。

    範例：
      clerk issue documents/2026-doc-004.md

## clerk archive
help-archive = 歸檔：編上記錄的檔號（DA/T 22-2015）與保管期限。
help-archive-long =
    歸檔：編上記錄的檔號（DA/T 22-2015）與保管期限。

    檔號依 clerk.yaml 的 `archive`（例如 Z109-WS·2026-D30-ZHB-0001：全宗、類別、年度、保管期限、部門代號、件號）。記錄的其他各行逐位元組保持不變；clerk 先檢查結果。

    範例：
      clerk archive documents/2026-doc-001.md

## clerk encrypt、decrypt、reencrypt
help-encrypt = 把記錄加密保存（NAME.md → NAME.md.age），加密給有權閱讀者的金鑰。
help-encrypt-long =
    把記錄加密保存（NAME.md → NAME.md.age），加密給有權閱讀者的金鑰。

    閱讀者取自 clerk.yaml 的 `encryption.readers`（依職務或人員，按類型或密級）；其金鑰取自 people/。加密檔完整寫好之後才刪除明文檔。審批仍然有效：審批簽署的是明文內容。

    範例：
      clerk encrypt assessments/2026-q3-wang-fang.md
help-encrypt-date = 以哪一天的職務與金鑰為準，格式 YYYY-MM-DD [預設：今天]
help-decrypt = 以您的金鑰把加密的記錄還原為明文保存（NAME.md.age → NAME.md）。
help-decrypt-long =
    以您的金鑰把加密的記錄還原為明文保存（NAME.md.age → NAME.md）。

    範例：
      clerk decrypt assessments/2026-q3-wang-fang.md.age --identity ~/.ssh/id_ed25519
help-decrypt-file = 加密的記錄檔
help-reencrypt = 重新加密每一筆閱讀者有變動（有人離開或加入）的加密記錄。
help-reencrypt-long =
    重新加密每一筆閱讀者有變動（有人離開或加入）的加密記錄。

    需要一把能開啟它們的金鑰；閱讀者不變的檔案不會被更動。

    範例：
      clerk reencrypt --identity ~/.ssh/id_ed25519
help-reencrypt-date = 以哪一天的職務與金鑰為準，格式 YYYY-MM-DD [預設：今天]

## clerk hooks
help-hooks = 檢查每次提交的 git 掛鉤
help-hooks-install = 安裝執行 `clerk check --staged` 的 pre-commit 與 pre-merge-commit 掛鉤。
help-hooks-install-long =
    安裝執行 `clerk check --staged` 的 pre-commit 與 pre-merge-commit 掛鉤。

    不是 clerk 寫的掛鉤，沒有 --force 時絕不覆寫。

    範例：
      clerk hooks install records-example
help-hooks-install-force = 取代不是 clerk 寫的掛鉤

## clerk keys
help-keys = 輸出人員的金鑰，以便只用 ssh-keygen 重新驗證審批；新增金鑰。
help-keys-long =
    輸出人員的金鑰，以便只用 ssh-keygen 重新驗證審批；新增金鑰。

    範例：
      clerk keys add wang-fang ~/.ssh/id_ed25519.pub
      clerk keys --allowed-signers > allowed_signers
      ssh-keygen -Y verify -f allowed_signers -I lin-wenhui -n clerk-approval \
          -s sig.txt -Overify-time=20260119 < payload.txt
help-keys-allowed_signers = 以 OpenSSH 的 allowed_signers 格式輸出
help-keys-output = 寫入此檔案，而非標準輸出
help-keys-add = 在人員的記錄（`keys:`）中加入一把公鑰，自 --date 起有效。
help-keys-add-long =
    在人員的記錄（`keys:`）中加入一把公鑰，自 --date 起有效。

    範例：
      clerk keys add wang-fang ~/.ssh/id_ed25519.pub
help-keys-add-person = 人員的 id（其在 people/ 中的記錄）
help-keys-add-key = 其 SSH 公鑰檔（ssh-keygen 的 `.pub`）
help-keys-add-dir = 記錄儲存庫 [預設：目前資料夾所在的儲存庫]
