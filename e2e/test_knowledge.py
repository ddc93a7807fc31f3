"""The knowledge base (issue #13): a citizen searches 工伤 and opens the law article; an editor
writes an FAQ, publishes it and finds it; axe on the new pages. (That typed HTML is shown as
text, never run, is Tests/AppTests/KnowledgeBaseTests.)"""
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from conftest import eventually
from test_accessibility import describe, serious


def axe_problems(person):
    axe = Axe(person.driver)
    axe.inject()
    return serious(axe.run())


def test_search_gongshang_and_open_the_law_article(browser):
    citizen = browser
    citizen.open("/")
    citizen.driver.find_element(By.LINK_TEXT, "法律知识").click()
    citizen.sees("搜索法律知识")
    problems = axe_problems(citizen)
    citizen.fill("搜索法律知识", "工伤")
    citizen.press("搜索")
    citizen.sees("与“工伤”有关的内容")
    marks = citizen.driver.find_elements(By.CSS_SELECTOR, ".results mark")
    assert marks and all(m.text == "工伤" for m in marks), [m.text for m in marks]
    citizen.shot("search-gongshang")
    problems += axe_problems(citizen)

    # The article of the law that names 工伤 is among the results, at its own address.
    link = eventually(lambda: citizen.driver.find_element(By.PARTIAL_LINK_TEXT, "第三十一条"))
    link.click()
    citizen.sees("请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿")
    assert "/articles/31" in citizen.driver.current_url
    citizen.sees("下一条（第三十二条）")
    citizen.shot("law-article-31")
    problems += axe_problems(citizen)

    # Whole law, and its table of articles.
    citizen.driver.find_element(By.LINK_TEXT, "全文").click()
    citizen.sees("逐条查看")
    citizen.sees("示例文本")
    citizen.shot("law-whole")

    # Nothing found: a way to a person.
    citizen.open("/knowledge?q=%E7%A5%96%E4%BC%A0%E7%A7%98%E6%96%B9")
    citizen.sees("没有找到包含这些字词的内容")
    citizen.sees("在线咨询或留言")
    citizen.sees("用“智能咨询”按意思查找")
    assert not problems, describe(problems)


def test_an_editor_writes_publishes_and_the_public_finds_it(browser):
    editor = browser
    editor.login("shencha")
    editor.open("/knowledge/manage")
    editor.sees("普法内容管理")
    problems = axe_problems(editor)
    editor.press("新建内容")
    editor.fill("栏目", "常见问题")
    editor.fill("标题", "宅基地纠纷找谁调解？")
    editor.fill("正文", "## 先调解\n- 可以向**村人民调解委员会**申请调解\n- 也可以拨打12348咨询")
    editor.shot("write-faq")
    problems += axe_problems(editor)
    editor.press("保存")
    editor.sees("已保存为草稿")
    editor.press("发布")
    editor.sees("已发布")
    editor.shot("published")

    editor.open("/knowledge?q=%E5%AE%85%E5%9F%BA%E5%9C%B0")  # 宅基地
    editor.sees("与“宅基地”有关的内容")
    editor.driver.find_element(By.PARTIAL_LINK_TEXT, "纠纷找谁调解").click()
    editor.sees("村人民调解委员会")
    strong = editor.driver.find_elements(By.CSS_SELECTOR, ".knowledge-body strong")
    assert [s.text for s in strong] == ["村人民调解委员会"]
    editor.shot("faq-page")
    problems += axe_problems(editor)
    assert not problems, describe(problems)


def test_a_question_in_plain_words_finds_the_answer_and_a_way_to_a_person(browser):
    citizen = browser
    citizen.open("/knowledge")
    citizen.driver.find_element(By.LINK_TEXT, "智能咨询").click()
    citizen.sees("用自己的话说说遇到的问题")
    citizen.fill("您的问题", "老板拖欠工资三个月怎么办")
    citizen.press("找答案")
    citizen.sees("以下解答可能对您有帮助")
    first = citizen.driver.find_element(By.CSS_SELECTOR, ".results .result-title a")
    assert first.text == "老板拖欠工资怎么办？", first.text
    citizen.sees("没有解决？找人帮您")
    citizen.shot("ask-plain-question")
    problems = axe_problems(citizen)
    first.click()
    citizen.sees("不需要审查经济困难条件")
    assert not problems, describe(problems)


def test_an_editor_teaches_znzx_a_word_and_imports_a_corpus_of_laws(browser):
    """Issue #25: the word list is kept on a page; the national laws' corpus is uploaded on another."""
    import os
    editor = browser
    editor.login("shencha")
    editor.open("/knowledge/manage")
    editor.follow("智能咨询口语词表")
    editor.sees("试一试：智能咨询怎样理解一个问题")
    problems = axe_problems(editor)
    editor.fill("群众的问题", "有人碰瓷讹我")
    editor.press("看看怎样理解")
    editor.sees("“碰瓷讹”（按原词查找）")

    editor.fill("群众常说的词", "碰瓷")
    editor.fill("法律上的说法", "敲诈勒索、诈骗")
    editor.press("加入词表")
    editor.sees("已加入词表")
    editor.fill("群众的问题", "有人碰瓷讹我")
    editor.press("看看怎样理解")
    editor.sees("“碰瓷” → 按“敲诈勒索”“诈骗”查找")
    editor.shot("synonyms-tried")
    problems += axe_problems(editor)
    editor.fill("查找口语词或法律用语", "碰瓷")
    editor.press("查找")
    editor.sees("词表（共1个）")
    editor.follow("碰瓷")
    editor.sees("修改记录")
    editor.sees("新增")

    # The corpus, published (the default): each law once, with what the load did.
    editor.open("/knowledge/import")
    editor.sees("导入法律法规库")
    problems += axe_problems(editor)
    corpus = os.path.join(os.path.dirname(__file__), "..", "Tests", "AppTests", "Fixtures", "national-laws-slice.jsonl")
    editor.field("法律法规库文件").send_keys(os.path.abspath(corpus))
    editor.press("导入法律法规库")
    editor.sees("导入完成：新增5部")
    editor.sees("新增和更新的法律已发布")
    editor.shot("law-corpus-imported")
    assert not problems, describe(problems)
