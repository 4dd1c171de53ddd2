<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>augview {version}: see what an image augmentation pipeline does before you train on it.</source>
        <translation>augview {version}：在训练之前，看清图像增强流水线做了什么。</translation>
    </message>
    <message>
        <source>settings: {path}</source>
        <translation>设置：{path}</translation>
    </message>
    <message>
        <source>error log and data: {path}</source>
        <translation>错误日志与数据：{path}</translation>
    </message>
    <message>
        <source>The README that comes with augview explains the window, the command line and the Python API.</source>
        <translation>augview 附带的 README 说明了窗口、命令行和 Python API 的用法。</translation>
    </message>
    <message>
        <source>About augview</source>
        <translation>关于 augview</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Apply to folder — augview</source>
        <translation>应用到文件夹 — augview</translation>
    </message>
    <message>
        <source>same as input</source>
        <translation>与输入相同</translation>
    </message>
    <message>
        <source>replace existing outputs</source>
        <translation>覆盖已有的输出</translation>
    </message>
    <message>
        <source>Progress and messages of the run appear here after Start.</source>
        <translation>点击“开始”后，运行进度和消息将显示在这里。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>input folder</source>
        <translation>输入文件夹</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>variants per image</source>
        <translation>每张图像的变体数</translation>
    </message>
    <message>
        <source>base seed</source>
        <translation>基础种子</translation>
    </message>
    <message>
        <source>worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose an input and an output folder first.</source>
        <translation>请先选择输入文件夹和输出文件夹。</translation>
    </message>
    <message>
        <source>applying {name} to {folder} …</source>
        <translation>正在把 {name} 应用到 {folder} …</translation>
    </message>
    <message>
        <source>the pipeline</source>
        <translation>该流水线</translation>
    </message>
    <message>
        <source>%p%, {failed} failed</source>
        <translation>%p%，{failed} 个失败</translation>
    </message>
    <message>
        <source>cancelling: finishing the images in progress …</source>
        <translation>正在取消：先完成正在处理的图像 …</translation>
    </message>
</context>
<context>
    <name>BetaPlot</name>
    <message>
        <source>Beta({alpha}, {alpha}): how often each lambda is drawn</source>
        <translation>Beta({alpha}, {alpha})：各个 lambda 值被抽中的频率</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Wipe</source>
        <translation>滑动对比</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Compare — augview</source>
        <translation>对比 — augview</translation>
    </message>
    <message>
        <source>A: the left of the wipe, the reference of the difference</source>
        <translation>A：擦除对比的左侧，也是差异的参照</translation>
    </message>
    <message>
        <source>B: compared with A, resized to A&apos;s size when they differ</source>
        <translation>B：与 A 比较；尺寸不同时缩放到 A 的尺寸</translation>
    </message>
    <message>
        <source>difference × gain (1 = true difference)</source>
        <translation>差异 × 增益（1 = 真实差异）</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>augmented</source>
        <translation>增强后</translation>
    </message>
    <message>
        <source>#{number} seed {seed}</source>
        <translation>#{number} 种子 {seed}</translation>
    </message>
    <message>
        <source>A: {a}   B: {b}</source>
        <translation>A：{a}   B：{b}</translation>
    </message>
    <message>
        <source>{name}: {summary}</source>
        <translation>{name}：{summary}</translation>
    </message>
    <message>
        <source>|A − B| × {gain}: mean {mean}, max {max}, {changed}% of pixels changed</source>
        <translation>|A − B| × {gain}：均值 {mean}，最大 {max}，{changed}% 的像素有变化</translation>
    </message>
    <message>
        <source>B ({width}×{height}) is shown at A&apos;s size, {a_width}×{a_height}, to compare them.</source>
        <translation>B（{width}×{height}）按 A 的尺寸 {a_width}×{a_height} 显示，以便比较。</translation>
    </message>
    <message>
        <source>Drag across the image: left of the line is A, right of it B.</source>
        <translation>在图像上拖动：分界线左边是 A，右边是 B。</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Black where nothing changed; brighter where more changed (raise the gain to see small changes).</source>
        <translation>没有变化处为黑色；变化越大越亮（提高增益可看清细小的变化）。</translation>
    </message>
    <message>
        <source>Per-channel histograms: the share of each image&apos;s pixels at each value, 0 (dark) to 255 (bright); a crop and its original compare by tone, not by size.</source>
        <translation>各通道直方图：每个取值（0 暗到 255 亮）的像素占各自图像像素的比例；裁剪结果与原图按色调比较，而不是按大小。</translation>
    </message>
</context>
<context>
    <name>FolderStrip</name>
    <message>
        <source>labels unreadable</source>
        <translation>标注无法读取</translation>
    </message>
    <message>
        <source>{count} box</source>
        <translation>{count} 个框</translation>
    </message>
    <message>
        <source>{count} boxes</source>
        <translation>{count} 个框</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>augview op gallery: defaults, seed {seed}</source>
        <translation>augview 操作图库：默认参数，种子 {seed}</translation>
    </message>
    <message>
        <source>(not used while {name} is {value})</source>
        <translation>（{name} 为 {value} 时不起作用）</translation>
    </message>
    <message>
        <source>This tile:</source>
        <translation>此图块：</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>(no parameters)</source>
        <translation>（无参数）</translation>
    </message>
    <message>
        <source>Op gallery — augview</source>
        <translation>操作图库 — augview</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>search name or description</source>
        <translation>搜索名称或说明</translation>
    </message>
    <message>
        <source>seed: </source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Export contact sheet…</source>
        <translation>导出总览图…</translation>
    </message>
    <message>
        <source> px wide</source>
        <translation> 像素宽</translation>
    </message>
    <message>
        <source>width of the exported contact sheet (1920 fills a full-HD slide)</source>
        <translation>导出的联系表宽度（1920 正好填满一张全高清幻灯片）</translation>
    </message>
    <message>
        <source>Select a tile to read what the op does.</source>
        <translation>选择一个图块，查看该操作的作用。</translation>
    </message>
    <message>
        <source>rendering…</source>
        <translation>渲染中…</translation>
    </message>
    <message>
        <source>rendering {count} ops…</source>
        <translation>正在渲染 {count} 个操作…</translation>
    </message>
    <message>
        <source>{shown} of {total} ops shown</source>
        <translation>显示 {shown} / {total} 个操作</translation>
    </message>
    <message>
        <source>exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>{count} ops at their defaults, seed {seed}</source>
        <translation>{count} 个操作，均为默认参数，种子 {seed}</translation>
    </message>
    <message>
        <source>export failed: {message}</source>
        <translation>导出失败：{message}</translation>
    </message>
    <message>
        <source>failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
    <message>
        <source>{op} added to the pipeline</source>
        <translation>已将 {op} 加入流水线</translation>
    </message>
    <message>
        <source>Export contact sheet</source>
        <translation>导出总览图</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>exporting {count} ops…</source>
        <translation>正在导出 {count} 个操作…</translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>{channel}   mean {before} → {after}</source>
        <translation>{channel}   均值 {before} → {after}</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>(tallest bins cut off)</source>
        <translation>（最高的柱被截断）</translation>
    </message>
    <message>
        <source>original (filled)</source>
        <translation>原图（填充）</translation>
    </message>
    <message>
        <source>augmented (line)</source>
        <translation>增强后（曲线）</translation>
    </message>
    <message>
        <source>height: share of each image&apos;s pixels</source>
        <translation>高度：占各自图像像素的比例</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>rendering…</source>
        <translation>渲染中…</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The interface language changes the next time augview starts.</source>
        <translation>界面语言将在下次启动 augview 时更改。</translation>
    </message>
    <message>
        <source>{variable}={value} is set in the environment: it decides the language as long as it is set. Your choice is stored and applies once it is removed.</source>
        <translation>环境变量 {variable}={value} 已设置：只要它还在，界面语言就由它决定。你的选择已保存，移除该变量后生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>variants: </source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>seed: </source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Lock seed</source>
        <translation>锁定种子</translation>
    </message>
    <message>
        <source>While locked, editing a parameter changes only that parameter&apos;s effect</source>
        <translation>锁定时，编辑某个参数只会改变该参数的效果</translation>
    </message>
    <message>
        <source>Reroll</source>
        <translation>重新抽取</translation>
    </message>
    <message>
        <source>Draw new variants (Space)</source>
        <translation>抽取新的变体（空格）</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>边界框</translation>
    </message>
    <message>
        <source>Draw the boxes, with their class names</source>
        <translation>绘制边界框及其类别名称</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Draw the mask as a translucent layer, with its legend</source>
        <translation>以半透明图层绘制掩码，并显示图例</translation>
    </message>
    <message>
        <source>Mask only</source>
        <translation>仅掩码</translation>
    </message>
    <message>
        <source>Show the mask alone, without the picture</source>
        <translation>只显示掩码，不显示图片</translation>
    </message>
    <message>
        <source>Keypoints</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>Draw the keypoints and the skeleton joining them</source>
        <translation>绘制关键点及连接它们的骨架</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已丢弃</translation>
    </message>
    <message>
        <source>Draw the boxes the target settings dropped, dashed, where they would have been</source>
        <translation>用虚线在原本的位置绘制被目标设置丢弃的边界框</translation>
    </message>
    <message>
        <source>Zoom of the previews: the wheel zooms, dragging pans, a double-click fits them again</source>
        <translation>预览的缩放：滚轮缩放，拖动平移，双击恢复适应窗口</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New preset</source>
        <translation>新建预设(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open preset…</source>
        <translation>打开预设(&amp;O)…</translation>
    </message>
    <message>
        <source>Built-in presets</source>
        <translation>内置预设</translation>
    </message>
    <message>
        <source>&amp;Save preset</source>
        <translation>保存预设(&amp;S)</translation>
    </message>
    <message>
        <source>Save preset &amp;as…</source>
        <translation>预设另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>打开图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a&amp;nnotations…</source>
        <translation>打开标注(&amp;N)…</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>下一张图像</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>上一张图像</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Open session…</source>
        <translation>打开会话…</translation>
    </message>
    <message>
        <source>Save session…</source>
        <translation>保存会话…</translation>
    </message>
    <message>
        <source>&amp;Export grid as PNG…</source>
        <translation>将网格导出为 PNG(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Apply to folder…</source>
        <translation>应用到文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Add op…</source>
        <translation>添加操作…</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>上移步骤</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>下移步骤</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Reroll variants</source>
        <translation>重新抽取变体</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>缩放以适应窗口</translation>
    </message>
    <message>
        <source>Zoom 100%</source>
        <translation>缩放 100%</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mix images (mixup, CutMix, SamplePairing, mosaic)…</source>
        <translation>图像混合（mixup、CutMix、SamplePairing、mosaic）(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;SMOTE explorer…</source>
        <translation>SMOTE 演示(&amp;S)…</translation>
    </message>
    <message>
        <source>Parameter s&amp;weep of the selected step…</source>
        <translation>选中步骤的参数扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>Op &amp;gallery…</source>
        <translation>操作图库(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Compare two cells…</source>
        <translation>比较两个格子(&amp;C)…</translation>
    </message>
    <message>
        <source>Two p&amp;resets side by side…</source>
        <translation>两个预设并排比较(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Test-time crops…</source>
        <translation>测试时裁剪(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (one step per slide)</source>
        <translation>演示模式（每页一个步骤）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About augview</source>
        <translation>关于 augview(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>rendered {count} in {ms} ms</source>
        <translation>已渲染 {count} 个，用时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>The seed of the previews: variant i uses seed + i. Saving the preset stores it, so augview apply and Pipeline.load start from the same seed.</source>
        <translation>预览使用的种子：第 i 个变体使用 种子 + i。保存预设时会一并保存它，因此 augview apply 和 Pipeline.load 都从同一个种子开始。</translation>
    </message>
    <message>
        <source>rendered {count} at full resolution in {ms} ms</source>
        <translation>已按完整分辨率渲染 {count} 个，用时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>(preview at {width}×{height}; the full-size render failed)</source>
        <translation>（以 {width}×{height} 预览；完整尺寸渲染失败）</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The preset “{name}” has unsaved changes. Save them?</source>
        <translation>预设“{name}”有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Open preset</source>
        <translation>打开预设</translation>
    </message>
    <message>
        <source>Presets and albumentations pipelines (*.json *.yaml *.yml *.py);;All files (*)</source>
        <translation>预设与 albumentations 流水线 (*.json *.yaml *.yml *.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>kept the edits made while {name} was read; it was not opened</source>
        <translation>保留了读取 {name} 期间所做的修改；未打开该文件</translation>
    </message>
    <message>
        <source>{path}: imported from albumentations with notes:</source>
        <translation>{path}：已从 albumentations 导入，附注如下：</translation>
    </message>
    <message>
        <source>imported {path} from albumentations; save it as a preset</source>
        <translation>已从 albumentations 导入 {path}；请将其保存为预设</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation>预设 (*.json)</translation>
    </message>
    <message>
        <source>{path}: cannot save ({reason})</source>
        <translation>{path}：无法保存（{reason}）</translation>
    </message>
    <message>
        <source>saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.gif);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <source>opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>{count} other dropped file(s) left aside: drop presets, sessions and annotations one at a time</source>
        <translation>另外 {count} 个拖入的文件未打开：预设、会话和标注请一次拖入一个</translation>
    </message>
    <message>
        <source>exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation>导出网格</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>{preset} on {image}</source>
        <translation>{preset} 应用于 {image}</translation>
    </message>
    <message>
        <source>{source}: {count} problems:</source>
        <translation>{source}：{count} 个问题：</translation>
    </message>
    <message>
        <source>image: {path}</source>
        <translation>图像：{path}</translation>
    </message>
    <message>
        <source>preset: {path}</source>
        <translation>预设：{path}</translation>
    </message>
    <message>
        <source>(nothing yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Something went wrong; details in {path}</source>
        <translation>出错了；详情见 {path}</translation>
    </message>
    <message>
        <source>Something went wrong, and the details could not be saved ({reason})</source>
        <translation>出错了，且无法保存详情（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the annotations could not be read ({error})</source>
        <translation>{path}：无法读取标注（{error}）</translation>
    </message>
    <message>
        <source>added {op}</source>
        <translation>已添加 {op}</translation>
    </message>
    <message>
        <source>A folder run is in progress</source>
        <translation>文件夹处理正在进行</translation>
    </message>
    <message>
        <source>Apply to folder is still running. Stop it (the images in progress are finished, the rest can be resumed later) and close augview?</source>
        <translation>“应用到文件夹”仍在运行。要停止它（正在处理的图像会完成，其余的以后可以继续）并关闭 augview 吗？</translation>
    </message>
    <message>
        <source>#{number} seed {seed} — {width}×{height}: {summary}</source>
        <translation>#{number} 种子 {seed} — {width}×{height}：{summary}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>drew</source>
        <translation>抽取的值</translation>
    </message>
    <message>
        <source>no step is enabled</source>
        <translation>没有启用的步骤</translation>
    </message>
    <message>
        <source>… {count} more</source>
        <translation>…… 另外 {count} 个</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>另外 {count} 个</translation>
    </message>
</context>
<context>
    <name>MixView</name>
    <message>
        <source>{folder}: cannot list the folder ({reason})</source>
        <translation>{folder}：无法列出文件夹内容（{reason}）</translation>
    </message>
    <message>
        <source>{folder}: no images in it; B stays as it was</source>
        <translation>{folder}：其中没有图像；B 保持不变</translation>
    </message>
    <message>
        <source>the coffee photo</source>
        <translation>咖啡照片</translation>
    </message>
    <message>
        <source>mosaic 2×2, tiles from {sources}</source>
        <translation>mosaic 2×2，图块来自 {sources}</translation>
    </message>
    <message>
        <source>Mix images — augview</source>
        <translation>图像混合 — augview</translation>
    </message>
    <message>
        <source>set lambda by hand</source>
        <translation>手动设置 lambda</translation>
    </message>
    <message>
        <source>Draw again</source>
        <translation>重新抽取</translation>
    </message>
    <message>
        <source>Choose B…</source>
        <translation>选择 B…</translation>
    </message>
    <message>
        <source>B from a folder…</source>
        <translation>从文件夹中选 B…</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Image B</source>
        <translation>图像 B</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Folder of B images</source>
        <translation>B 图像所在的文件夹</translation>
    </message>
    <message>
        <source>A (label 0)</source>
        <translation>A（标签 0）</translation>
    </message>
    <message>
        <source>B (label 1)</source>
        <translation>B（标签 1）</translation>
    </message>
    <message>
        <source>result ({method})</source>
        <translation>结果（{method}）</translation>
    </message>
</context>
<context>
    <name>OpPicker</name>
    <message>
        <source>Search ops… (name, category or description)</source>
        <translation>搜索操作…（名称、类别或说明）</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Select a step to see its parameters, or add one with “Add op”.</source>
        <translation>选择一个步骤查看其参数，或用“添加操作”添加一个。</translation>
    </message>
    <message>
        <source>group: {kind}</source>
        <translation>组：{kind}</translation>
    </message>
    <message>
        <source>Runs all its steps in order.</source>
        <translation>按顺序执行其中的所有步骤。</translation>
    </message>
    <message>
        <source>Runs exactly one of its steps, chosen at random (by weight).</source>
        <translation>随机（按权重）选择其中恰好一个步骤执行。</translation>
    </message>
    <message>
        <source>Runs n of its steps, chosen at random, in their listed order.</source>
        <translation>随机选择其中 n 个步骤，按列出的顺序执行。</translation>
    </message>
    <message>
        <source>Runs all its steps, in a random order each time.</source>
        <translation>执行其中的所有步骤，每次顺序随机。</translation>
    </message>
    <message>
        <source>reset {name} to {value}</source>
        <translation>将 {name} 重置为 {value}</translation>
    </message>
    <message>
        <source>weight of {step}</source>
        <translation>{step} 的权重</translation>
    </message>
    <message>
        <source>What it can do</source>
        <translation>它能做什么</translation>
    </message>
</context>
<context>
    <name>PipelinePanel</name>
    <message>
        <source>{group} ({count} steps)</source>
        <translation>{group}（{count} 个步骤）</translation>
    </message>
    <message>
        <source>Add op…</source>
        <translation>添加操作…</translation>
    </message>
    <message>
        <source>Add an op from the catalog (Ctrl+T)</source>
        <translation>从目录中添加一个操作（Ctrl+T）</translation>
    </message>
    <message>
        <source>Group ▾</source>
        <translation>组 ▾</translation>
    </message>
    <message>
        <source>Put the selected steps into a container (one_of, some_of, random_order, sequence); with none selected, add an empty one. Ctrl+click or Shift+click selects several steps.</source>
        <translation>把选中的步骤放进一个容器（one_of、some_of、random_order、sequence）；未选中任何步骤时添加一个空容器。按住 Ctrl 或 Shift 单击可选中多个步骤。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation>删除选中的步骤（Delete）</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>上移（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>下移（Ctrl+Down）</translation>
    </message>
    <message>
        <source>counting the different images…</source>
        <translation>正在计算不同图像的数量…</translation>
    </message>
    <message>
        <source>… {count} more lines</source>
        <translation>……另有 {count} 行</translation>
    </message>
    <message>
        <source>Groups nest at most {max} deep in a preset; this would make {levels}</source>
        <translation>预设中的分组最多嵌套 {max} 层；这样会变成 {levels} 层</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <source>augview — presentation</source>
        <translation>augview — 演示</translation>
    </message>
    <message>
        <source>→ next   ← previous   Space new variants   ↑↓ variants   End whole pipeline   Esc leave</source>
        <translation>→ 下一页   ← 上一页   空格 新变体   ↑↓ 变体数   End 整条流水线   Esc 退出</translation>
    </message>
    <message>
        <source>step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>the whole pipeline</source>
        <translation>整条流水线</translation>
    </message>
    <message>
        <source>all {count} steps together</source>
        <translation>全部 {count} 个步骤一起</translation>
    </message>
    <message>
        <source>Every step, with its probability, as training sees it.</source>
        <translation>所有步骤按各自的概率执行，和训练时看到的一样。</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
</context>
<context>
    <name>PresetCompareView</name>
    <message>
        <source>Two presets side by side — augview</source>
        <translation>两个预设并排比较 — augview</translation>
    </message>
    <message>
        <source>variants: </source>
        <translation>变体：</translation>
    </message>
    <message>
        <source>seed: </source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>variant i of both rows uses seed + i</source>
        <translation>两行中的第 i 个变体都使用种子 + i</translation>
    </message>
    <message>
        <source>Reroll</source>
        <translation>重新抽取</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>a preset file, or an albumentations pipeline (JSON, YAML, .py)</source>
        <translation>预设文件，或 albumentations 流水线（JSON、YAML、.py）</translation>
    </message>
    <message>
        <source>the window&apos;s pipeline</source>
        <translation>主窗口的流水线</translation>
    </message>
    <message>
        <source>Open preset</source>
        <translation>打开预设</translation>
    </message>
    <message>
        <source>Presets and albumentations pipelines (*.json *.yaml *.yml *.py);;All files (*)</source>
        <translation>预设与 albumentations 流水线 (*.json *.yaml *.yml *.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>{row} #{number} seed {seed} — {width}×{height}: {summary}</source>
        <translation>{row} #{number} 种子 {seed} — {width}×{height}：{summary}</translation>
    </message>
    <message>
        <source>A (top row): {a}    B (bottom row): {b}    the same photo and seeds in both rows</source>
        <translation>A（上行）：{a}    B（下行）：{b}    两行使用同一张图片和相同的种子</translation>
    </message>
</context>
<context>
    <name>RenderWorker</name>
    <message>
        <source>rendering failed: {error}</source>
        <translation>渲染失败：{error}</translation>
    </message>
    <message>
        <source>annotations not shown</source>
        <translation>未显示标注</translation>
    </message>
</context>
<context>
    <name>ScatterPlot</name>
    <message>
        <source>majority</source>
        <translation>多数类</translation>
    </message>
    <message>
        <source>minority</source>
        <translation>少数类</translation>
    </message>
    <message>
        <source>synthetic (SMOTE)</source>
        <translation>合成样本（SMOTE）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>{path}: not a session file (invalid JSON: {reason})</source>
        <translation>{path}：不是会话文件（JSON 无效：{reason}）</translation>
    </message>
    <message>
        <source>{path}: not a session file (nested too deeply or a number too long)</source>
        <translation>{path}：不是会话文件（嵌套过深或数字过长）</translation>
    </message>
    <message>
        <source>{path}: not an augview session file</source>
        <translation>{path}：不是 augview 会话文件</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s “{field}” is missing or invalid</source>
        <translation>{path}：会话的“{field}”缺失或无效</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>augview sessions (*.augview)</source>
        <translation>augview 会话 (*.augview)</translation>
    </message>
    <message>
        <source>{path}: cannot save the session ({reason})</source>
        <translation>{path}：无法保存会话（{reason}）</translation>
    </message>
    <message>
        <source>saved session {path}</source>
        <translation>已保存会话 {path}</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>augview sessions (*.augview);;All files (*)</source>
        <translation>augview 会话 (*.augview);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s photo {image} is a folder, not a photo</source>
        <translation>{path}：会话的照片 {image} 是一个文件夹，而不是照片</translation>
    </message>
    <message>
        <source>{path}: the session&apos;s photo {image} is gone</source>
        <translation>{path}：会话中的图片 {image} 已不存在</translation>
    </message>
</context>
<context>
    <name>SmoteView</name>
    <message>
        <source>SMOTE explorer — augview</source>
        <translation>SMOTE 演示 — augview</translation>
    </message>
    <message>
        <source>minority count after oversampling ÷ majority count</source>
        <translation>过采样后的少数类数量 ÷ 多数类数量</translation>
    </message>
    <message>
        <source>SMOTE makes new minority samples on the segments between a minority sample and one of its k nearest minority neighbours: x + u·(neighbour − x), u uniform in [0, 1). Each green segment is one such pair; each cross, one new sample.</source>
        <translation>SMOTE 在少数类样本与它的 k 个最近少数类邻居之一所连成的线段上生成新的少数类样本：x + u·(邻居 − x)，u 在 [0, 1) 上均匀分布。每条绿色线段是一对这样的样本；每个叉号是一个新样本。</translation>
    </message>
    <message>
        <source>k neighbours</source>
        <translation>近邻数 k</translation>
    </message>
    <message>
        <source>sampling ratio</source>
        <translation>采样比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>The minority already has {minority} of {majority} samples: nothing to add at this ratio.</source>
        <translation>少数类已有 {minority} 个样本（多数类 {majority} 个）：在此比例下无需添加。</translation>
    </message>
    <message>
        <source>{minority} minority and {majority} majority samples; SMOTE adds {added} synthetic minority samples with k = {k}.</source>
        <translation>少数类 {minority} 个、多数类 {majority} 个样本；SMOTE 以 k = {k} 添加 {added} 个合成的少数类样本。</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>fires</source>
        <translation>触发率</translation>
    </message>
    <message>
        <source>time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>how long the step takes on this photo at full resolution when it fires (measured in the background once the previews are done)</source>
        <translation>该步骤触发时在这张全分辨率图片上所需的时间（预览完成后在后台测量）</translation>
    </message>
    <message>
        <source>how often the step really runs, through its groups&apos; p, one_of and some_of</source>
        <translation>该步骤实际执行的频率，已计入所在组的 p、one_of 和 some_of</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>other parameters as set, seed {seed} in every cell</source>
        <translation>其他参数保持设定，每格种子均为 {seed}</translation>
    </message>
    <message>
        <source>Every cell is the same: with the other settings, {param} has no effect on {op} (another parameter decides whether it is used).</source>
        <translation>每一格都相同：在其他设置下，{param} 对 {op} 没有影响（由另一个参数决定是否使用它）。</translation>
    </message>
    <message>
        <source>{count} distinct values fit in this range.</source>
        <translation>此范围内只有 {count} 个不同的取值。</translation>
    </message>
    <message>
        <source>{op} has no parameters to sweep: showing the extremes instead.</source>
        <translation>{op} 没有可扫描的参数：改为显示极值。</translation>
    </message>
    <message>
        <source>Parameter sweep — augview</source>
        <translation>参数扫描 — augview</translation>
    </message>
    <message>
        <source>Sweep one parameter</source>
        <translation>扫描单个参数</translation>
    </message>
    <message>
        <source>Extremes of the ranges</source>
        <translation>范围的极值</translation>
    </message>
    <message>
        <source>number of cells</source>
        <translation>格数</translation>
    </message>
    <message>
        <source>the same seed is used in every cell of a sweep</source>
        <translation>扫描的每一格都使用同一个种子</translation>
    </message>
    <message>
        <source>sweep the parameter&apos;s whole allowed range</source>
        <translation>扫描该参数允许的整个范围</translation>
    </message>
    <message>
        <source>full range</source>
        <translation>完整范围</translation>
    </message>
    <message>
        <source>other ranges at their middle</source>
        <translation>其他范围取中间值</translation>
    </message>
    <message>
        <source>Hold the step&apos;s other ranges at the middle of their range (0° for a rotation of ±36°), so only the swept parameter changes; unticked, they keep what the seed draws.</source>
        <translation>把该步骤的其他范围固定在各自范围的中间（±36° 的旋转取 0°），这样只有被扫描的参数在变化；取消勾选时，它们保持种子抽到的值。</translation>
    </message>
    <message>
        <source>step&apos;s range</source>
        <translation>步骤的范围</translation>
    </message>
    <message>
        <source>sweep the range configured in the step</source>
        <translation>扫描步骤中设定的范围</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>op</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>across</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>格数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>on/off</source>
        <translation>开/关</translation>
    </message>
    <message>
        <source>range → {drawn}</source>
        <translation>范围 → {drawn}</translation>
    </message>
    <message>
        <source>no effect while {name} is {value}</source>
        <translation>{name} 为 {value} 时不起作用</translation>
    </message>
    <message>
        <source>(no parameters)</source>
        <translation>（无参数）</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>{op}: {param} swept, seed {seed} in every cell</source>
        <translation>{op}：扫描 {param}，每格种子均为 {seed}</translation>
    </message>
    <message>
        <source>the other ranges at their middle</source>
        <translation>其他范围取中间值</translation>
    </message>
    <message>
        <source>{op}: the configured ranges at min, middle and max, then random draws</source>
        <translation>{op}：设定范围的最小值、中间值和最大值，然后是随机抽样</translation>
    </message>
    <message>
        <source>Boxes: solid as the pipeline&apos;s box_method ({method}) makes them, dotted white as {other} would.</source>
        <translation>边界框：实线为流水线的 box_method（{method}）得到的结果，白色点线为 {other} 得到的结果。</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>Targets: boxes, masks, keypoints (whole pipeline)</source>
        <translation>目标：边界框、掩码、关键点（整个流水线）</translation>
    </message>
    <message>
        <source>How every geometric step treats the image&apos;s boxes, masks and keypoints; saved in the preset, so training gets what the previews show</source>
        <translation>每个几何步骤如何处理图像的边界框、掩码和关键点；保存在预设中，因此训练得到的正是预览所示的结果</translation>
    </message>
    <message>
        <source>reset {name} to {value}</source>
        <translation>将 {name} 重置为 {value}</translation>
    </message>
</context>
<context>
    <name>TtaView</name>
    <message>
        <source>Test-time crops — augview</source>
        <translation>测试时裁剪 — augview</translation>
    </message>
    <message>
        <source>Ten crops: four corners, centre, and their mirrors</source>
        <translation>十裁剪：四角、中心及其镜像</translation>
    </message>
    <message>
        <source>Five crops: four corners and centre</source>
        <translation>五裁剪：四角和中心</translation>
    </message>
    <message>
        <source>Flips: centre crop and its mirror</source>
        <translation>翻转：中心裁剪及其镜像</translation>
    </message>
    <message>
        <source>Centre crop only</source>
        <translation>仅中心裁剪</translation>
    </message>
    <message>
        <source>no resize</source>
        <translation>不缩放</translation>
    </message>
    <message>
        <source>resize the shorter side to this length first (0: use the photo as it is)</source>
        <translation>先把短边缩放到这个长度（0：按原样使用照片）</translation>
    </message>
    <message>
        <source>mirror top to bottom</source>
        <translation>上下镜像</translation>
    </message>
    <message>
        <source>Copy torchvision code</source>
        <translation>复制 torchvision 代码</translation>
    </message>
    <message>
        <source>shorter side</source>
        <translation>短边</translation>
    </message>
    <message>
        <source>crop height</source>
        <translation>裁剪高度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>At test time the model sees each view and its answers are averaged. The boxes show where each view comes from; augview.tta maps a view&apos;s dense prediction or boxes back to the image.</source>
        <translation>测试时模型会看到每个视图，并对它的各个回答取平均。方框表示每个视图取自图像的哪里；augview.tta 可以把某个视图的稠密预测或检测框映射回原图。</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>{count} views of {height}x{width} pixels from a {image_h}x{image_w} image</source>
        <translation>从 {image_h}x{image_w} 的图像中取出 {count} 个 {height}x{width} 像素的视图</translation>
    </message>
    <message>
        <source>torchvision code copied to the clipboard</source>
        <translation>torchvision 代码已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>WindowTargets</name>
    <message>
        <source>Open annotations</source>
        <translation>打开标注</translation>
    </message>
    <message>
        <source>Annotations (*.json *.txt *.xml *.png);;All files (*)</source>
        <translation>标注 (*.json *.txt *.xml *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{path}: open an image first</source>
        <translation>{path}：请先打开一张图像</translation>
    </message>
    <message>
        <source>opening {folder}…</source>
        <translation>正在打开 {folder}…</translation>
    </message>
    <message>
        <source>{folder}: no images found in this folder</source>
        <translation>{folder}：此文件夹中没有找到图像</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation>（另有 {count} 个）</translation>
    </message>
    <message>
        <source>{folder} ({kind}): reading the annotations…</source>
        <translation>{folder}（{kind}）：正在读取标注…</translation>
    </message>
    <message>
        <source>{path}: {count} images listed and found</source>
        <translation>{path}：列出并找到 {count} 张图像</translation>
    </message>
    <message>
        <source>{folder} ({kind}): {summary}</source>
        <translation>{folder}（{kind}）：{summary}</translation>
    </message>
    <message>
        <source>no annotations found</source>
        <translation>未找到标注</translation>
    </message>
    <message>
        <source>annotations from {path}: {count} boxes</source>
        <translation>标注来自 {path}：{count} 个框</translation>
    </message>
</context>
<context>
    <name>WipeWidget</name>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>augmented</source>
        <translation>增强后</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>{source}: {count} problems: {problems}</source>
        <translation>{source}：{count} 个问题：{problems}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>… and {n} more problem</source>
        <translation>……还有 {n} 个问题</translation>
    </message>
    <message>
        <source>… and {n} more problems</source>
        <translation>……还有 {n} 个问题</translation>
    </message>
    <message>
        <source>a {format} image can be at most {limit} pixels wide and high, this one is {width}x{height}: save it as .png or .tif</source>
        <translation>{format} 图像的宽和高最多为 {limit} 像素，此图像为 {width}x{height}：请保存为 .png 或 .tif</translation>
    </message>
    <message>
        <source>cannot be encoded as {format} ({reason})</source>
        <translation>无法编码为 {format}（{reason}）</translation>
    </message>
    <message>
        <source>{path}: is a folder; name the image file to write (e.g. grid.png)</source>
        <translation>{path}：是一个文件夹；请给出要写入的图像文件名（例如 grid.png）</translation>
    </message>
    <message>
        <source>{folder}: listing stopped</source>
        <translation>{folder}：已停止列出</translation>
    </message>
    <message>
        <source>mask_fill {fill} is not a value of {name}&apos;s type {dtype} ({low} to {high}): choose a fill in that range, or give the mask as a wider type</source>
        <translation>mask_fill {fill} 不是 {name} 的类型 {dtype} 能取的值（{low} 到 {high}）：请在该范围内选择填充值，或将掩码改为更宽的类型</translation>
    </message>
    <message>
        <source>{rows}x{cols} tiles, {moved} moved</source>
        <translation>{rows}x{cols} 个图块，移动了 {moved} 个</translation>
    </message>
    <message>
        <source>{box}, to {w}x{h}px</source>
        <translation>{box}，缩放至 {w}x{h}px</translation>
    </message>
    <message>
        <source>seed must be an integer between 0 and {max}, got {value}</source>
        <translation>种子必须是 0 到 {max} 之间的整数，得到的是 {value}</translation>
    </message>
    <message>
        <source>box_labels must be a list, tuple or array with one label per box, got {kind}</source>
        <translation>box_labels 必须是每个框一个标签的列表、元组或数组，得到的是 {kind}</translation>
    </message>
    <message>
        <source>is {length} characters long; a name is at most {max}</source>
        <translation>长 {length} 个字符；名称最多 {max} 个字符</translation>
    </message>
    <message>
        <source>gives the key {key} twice in one object; JSON would keep only the last, so which one was meant is unclear</source>
        <translation>在同一个对象中两次给出键 {key}；JSON 只会保留最后一个，因此不清楚本意是哪一个</translation>
    </message>
    <message>
        <source>{name}: refused as a possible decompression bomb ({pixels} pixels, over the limit of {limit}; set PIL.Image.MAX_IMAGE_PIXELS to allow it)</source>
        <translation>{name}：疑似解压炸弹，已拒绝（{pixels} 像素，超过上限 {limit}；设置 PIL.Image.MAX_IMAGE_PIXELS 可允许）</translation>
    </message>
    <message>
        <source>not a trace augview wrote: a list of steps, each with &quot;fired&quot; and &quot;op&quot; and &quot;drawn&quot; or &quot;steps&quot; ({reason})</source>
        <translation>不是 augview 写出的追踪：应为步骤列表，每步含有 &quot;fired&quot;、&quot;op&quot; 以及 &quot;drawn&quot; 或 &quot;steps&quot;（{reason}）</translation>
    </message>
    <message>
        <source>trace step {op}: not an op with drawn values augview knows</source>
        <translation>追踪步骤 {op}：不是 augview 认识的带有抽取值的操作</translation>
    </message>
    <message>
        <source>trace step {op}: its drawn values hold a number that is not finite</source>
        <translation>轨迹步骤 {op}：其抽取值中含有非有限的数字</translation>
    </message>
    <message>
        <source>trace step {op}: its drawn values cannot be replayed ({reason})</source>
        <translation>追踪步骤 {op}：其抽取值无法重放（{reason}）</translation>
    </message>
    <message>
        <source>trace step {op}: its drawn values make an image of {width}x{height} pixels; a side must be a whole number from 1 to {limit}</source>
        <translation>轨迹步骤 {op}：其抽取值会生成 {width}x{height} 像素的图像；每边必须是 1 到 {limit} 之间的整数</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 个</translation>
    </message>
    <message>
        <source>the annotations are for an image of {stated}, the image is {actual}</source>
        <translation>标注对应的图像大小是 {stated}，而图像是 {actual}</translation>
    </message>
    <message>
        <source>{path}: not a COCO file (expected a JSON object with images)</source>
        <translation>{path}：不是 COCO 文件（应为带有 images 的 JSON 对象）</translation>
    </message>
    <message>
        <source>{path}: images: must be a list</source>
        <translation>{path}：images：必须是列表</translation>
    </message>
    <message>
        <source>{where}: must be an object</source>
        <translation>{where}：必须是对象</translation>
    </message>
    <message>
        <source>{where}.id: must be a number or a string</source>
        <translation>{where}.id：必须是数字或字符串</translation>
    </message>
    <message>
        <source>{where}.id: {id} is used by another image</source>
        <translation>{where}.id：{id} 已被另一张图像使用</translation>
    </message>
    <message>
        <source>{where}.file_name: must be a file name</source>
        <translation>{where}.file_name：必须是文件名</translation>
    </message>
    <message>
        <source>{where}.{key}: must be a whole number of pixels from 1 to {limit}</source>
        <translation>{where}.{key}：必须是 1 到 {limit} 之间的整数像素</translation>
    </message>
    <message>
        <source>{where}.file_name: {name} is listed again (first as images[{first}]); the first is used</source>
        <translation>{where}.file_name：{name} 被重复列出（首次为 images[{first}]）；使用第一个</translation>
    </message>
    <message>
        <source>{path}: annotations: must be a list</source>
        <translation>{path}：annotations：必须是列表</translation>
    </message>
    <message>
        <source>{path}: annotations[{index}]: must be an object with an image_id</source>
        <translation>{path}：annotations[{index}]：必须是带有 image_id 的对象</translation>
    </message>
    <message>
        <source>{path}: too large for a COCO file ({size} MB, the limit is {limit} MB)</source>
        <translation>{path}：作为 COCO 文件过大（{size} MB，上限为 {limit} MB）</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text</source>
        <translation>{path}：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{path}: nested too deeply</source>
        <translation>{path}：嵌套层级过深</translation>
    </message>
    <message>
        <source>{path}: too large to read in memory</source>
        <translation>{path}：过大，无法读入内存</translation>
    </message>
    <message>
        <source>{path}: categories: must be a list</source>
        <translation>{path}：categories：必须是列表</translation>
    </message>
    <message>
        <source>{where}: must be an object with a whole-number id</source>
        <translation>{where}：必须是带有整数 id 的对象</translation>
    </message>
    <message>
        <source>{where}.name: must be a string</source>
        <translation>{where}.name：必须是字符串</translation>
    </message>
    <message>
        <source>{where}.keypoints: must be a list of keypoint names</source>
        <translation>{where}.keypoints：必须是关键点名称的列表</translation>
    </message>
    <message>
        <source>{where}.skeleton: must be a list of [a, b] keypoint numbers from 1</source>
        <translation>{where}.skeleton：必须是从 1 开始编号的 [a, b] 关键点对的列表</translation>
    </message>
    <message>
        <source>{path}: images[id={id}]: the file says the image is {stated}, it is {actual}</source>
        <translation>{path}：images[id={id}]：文件中写的图像尺寸是 {stated}，实际是 {actual}</translation>
    </message>
    <message>
        <source>{path}: more than {limit} objects in one image</source>
        <translation>{path}：一张图像中的目标超过 {limit} 个</translation>
    </message>
    <message>
        <source>{where}.category_id: {value} is not among the categories</source>
        <translation>{where}.category_id：{value} 不在类别列表中</translation>
    </message>
    <message>
        <source>{where}.bbox: must be [x, y, width, height], four numbers, width and height not negative</source>
        <translation>{where}.bbox：必须是 [x, y, width, height] 四个数，宽和高不能为负</translation>
    </message>
    <message>
        <source>{where}.iscrowd: must be 0 or 1</source>
        <translation>{where}.iscrowd：必须是 0 或 1</translation>
    </message>
    <message>
        <source>{where}.keypoints: must be a list of x, y, visibility triples</source>
        <translation>{where}.keypoints：必须是 x、y、可见性三元组的列表</translation>
    </message>
    <message>
        <source>{where}.keypoints: {count} numbers, the category has {k} keypoints ({expected} numbers)</source>
        <translation>{where}.keypoints：有 {count} 个数，而该类别有 {k} 个关键点（应为 {expected} 个数）</translation>
    </message>
    <message>
        <source>{where}.keypoints: visibility must be 0, 1 or 2</source>
        <translation>{where}.keypoints：可见性必须是 0、1 或 2</translation>
    </message>
    <message>
        <source>{where}: polygons must be lists of at least three x, y pairs</source>
        <translation>{where}：多边形必须是至少包含三对 x、y 的列表</translation>
    </message>
    <message>
        <source>{where}.size: must be the image&apos;s [height, width], {size}</source>
        <translation>{where}.size：必须是图像的 [高, 宽]，即 {size}</translation>
    </message>
    <message>
        <source>{where}.counts: must be run lengths (whole numbers) or a compressed string</source>
        <translation>{where}.counts：必须是游程长度（整数）或压缩字符串</translation>
    </message>
    <message>
        <source>{where}: must be polygons or run lengths</source>
        <translation>{where}：必须是多边形或游程编码</translation>
    </message>
    <message>
        <source>{images}, {annotated} annotated: {boxes}</source>
        <translation>{images}，其中 {annotated} 张有标注：{boxes}</translation>
    </message>
    <message>
        <source>{n} box</source>
        <translation>{n} 个框</translation>
    </message>
    <message>
        <source>{n} boxes</source>
        <translation>{n} 个框</translation>
    </message>
    <message>
        <source>{summary} ({classes})</source>
        <translation>{summary}（{classes}）</translation>
    </message>
    <message>
        <source>{n} mask</source>
        <translation>{n} 个掩码</translation>
    </message>
    <message>
        <source>{n} masks</source>
        <translation>{n} 个掩码</translation>
    </message>
    <message>
        <source>{summary}; {masks}</source>
        <translation>{summary}；{masks}</translation>
    </message>
    <message>
        <source>{summary}; {errors}</source>
        <translation>{summary}；{errors}</translation>
    </message>
    <message>
        <source>{n} unreadable annotation file</source>
        <translation>{n} 个无法读取的标注文件</translation>
    </message>
    <message>
        <source>{n} unreadable annotation files</source>
        <translation>{n} 个无法读取的标注文件</translation>
    </message>
    <message>
        <source>{path}: the annotations could not be read ({reason})</source>
        <translation>{path}：无法读取标注（{reason}）</translation>
    </message>
    <message>
        <source>{path}: {n} annotation names an image_id the file does not list; it is not shown</source>
        <translation>{path}：{n} 条标注指向文件未列出的 image_id；不予显示</translation>
    </message>
    <message>
        <source>{path}: {n} annotations name an image_id the file does not list; they are not shown</source>
        <translation>{path}：{n} 条标注指向文件未列出的 image_id；不予显示</translation>
    </message>
    <message>
        <source>{path}: lists no image called {name}</source>
        <translation>{path}：其中没有名为 {name} 的图像</translation>
    </message>
    <message>
        <source>{path}: not an annotation file augview reads (COCO .json, YOLO .txt, VOC .xml, mask .png)</source>
        <translation>{path}：不是 augview 能读取的标注文件（COCO .json、YOLO .txt、VOC .xml、掩码 .png）</translation>
    </message>
    <message>
        <source>{path}: the mask is {mask}, its image is {image}</source>
        <translation>{path}：掩码尺寸是 {mask}，而它的图像是 {image}</translation>
    </message>
    <message>
        <source>{path}: a mask in mode {mode} cannot be read as labels</source>
        <translation>{path}：模式为 {mode} 的掩码无法作为标签读取</translation>
    </message>
    <message>
        <source>{path}: cannot be read as a mask ({reason})</source>
        <translation>{path}：无法作为掩码读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: mask values must lie in 0..65535</source>
        <translation>{path}：掩码的值必须在 0..65535 之间</translation>
    </message>
    <message>
        <source>{where}: coordinates must be finite numbers within {limit} pixels of the image</source>
        <translation>{where}：坐标必须是有限数值，且距图像不超过 {limit} 像素</translation>
    </message>
    <message>
        <source>{path}: too large for an annotation file (over {limit} MB)</source>
        <translation>{path}：作为标注文件过大（超过 {limit} MB）</translation>
    </message>
    <message>
        <source>{path}:{line}: not UTF-8 text</source>
        <translation>{path}:{line}：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{where}: the polygon crosses the image&apos;s rows {count} times, more than augview fills ({limit})</source>
        <translation>{where}：多边形与图像的行相交 {count} 次，超过 augview 能填充的上限（{limit}）</translation>
    </message>
    <message>
        <source>{where}: run lengths must not be negative</source>
        <translation>{where}：游程长度不能为负</translation>
    </message>
    <message>
        <source>{where}: the runs cover {total} pixels, the mask has {size} ({height}x{width})</source>
        <translation>{where}：游程覆盖 {total} 个像素，而掩码有 {size} 个（{height}x{width}）</translation>
    </message>
    <message>
        <source>{where}: more runs than the mask has pixels</source>
        <translation>{where}：游程数多于掩码的像素数</translation>
    </message>
    <message>
        <source>{where}: the compressed run lengths end in the middle of a number</source>
        <translation>{where}：压缩的游程长度在一个数字中间结束</translation>
    </message>
    <message>
        <source>{where}: {char} is not a character of compressed run lengths</source>
        <translation>{where}：{char} 不是压缩游程长度中的字符</translation>
    </message>
    <message>
        <source>{where}: a run length of the compressed counts is too large</source>
        <translation>{where}：压缩计数中的某个游程长度过大</translation>
    </message>
    <message>
        <source>{path}:{line}: more than {limit} XML elements</source>
        <translation>{path}:{line}：XML 元素超过 {limit} 个</translation>
    </message>
    <message>
        <source>{path}:{line}: document type declarations are not allowed in annotation files</source>
        <translation>{path}:{line}：标注文件中不允许文档类型声明（DOCTYPE）</translation>
    </message>
    <message>
        <source>{path}:{line}: not valid XML ({reason})</source>
        <translation>{path}:{line}：不是有效的 XML（{reason}）</translation>
    </message>
    <message>
        <source>{path}: not a Pascal VOC file (the root element is not &lt;annotation&gt;)</source>
        <translation>{path}：不是 Pascal VOC 文件（根元素不是 &lt;annotation&gt;）</translation>
    </message>
    <message>
        <source>{path}:{line}: the file says the image is {stated}, it is {actual}</source>
        <translation>{path}:{line}：文件中写的图像尺寸是 {stated}，实际是 {actual}</translation>
    </message>
    <message>
        <source>{path}:{line}: an &lt;object&gt; without a &lt;name&gt;</source>
        <translation>{path}:{line}：&lt;object&gt; 缺少 &lt;name&gt;</translation>
    </message>
    <message>
        <source>{path}:{line}: an &lt;object&gt; without a &lt;bndbox&gt;</source>
        <translation>{path}:{line}：&lt;object&gt; 缺少 &lt;bndbox&gt;</translation>
    </message>
    <message>
        <source>{path}:{line}: xmax and ymax must not be below xmin and ymin</source>
        <translation>{path}:{line}：xmax 和 ymax 不能小于 xmin 和 ymin</translation>
    </message>
    <message>
        <source>{path}:{line}: &lt;{tag}&gt; of an object is not read</source>
        <translation>{path}:{line}：未读取目标的 &lt;{tag}&gt;</translation>
    </message>
    <message>
        <source>{path}:{line}: &lt;{tag}&gt; is missing</source>
        <translation>{path}:{line}：缺少 &lt;{tag}&gt;</translation>
    </message>
    <message>
        <source>{path}:{line}: &lt;{tag}&gt; must be a number, got {value}</source>
        <translation>{path}:{line}：&lt;{tag}&gt; 必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <source>{path}:{line}: not valid YAML ({problem})</source>
        <translation>{path}:{line}：不是有效的 YAML（{problem}）</translation>
    </message>
    <message>
        <source>{path}: expected a mapping with names:, got {kind}</source>
        <translation>{path}：应为带有 names: 的映射，实际为 {kind}</translation>
    </message>
    <message>
        <source>{path}: names: must be a list of names or a mapping of class ids to names</source>
        <translation>{path}：names：必须是名称列表，或类别 id 到名称的映射</translation>
    </message>
    <message>
        <source>{path}: kpt_shape: must be [number of keypoints, 2 or 3], got {value}</source>
        <translation>{path}：kpt_shape：必须是 [关键点数, 2 或 3]，实际为 {value}</translation>
    </message>
    <message>
        <source>{path}: kpt_names: must be a list of names</source>
        <translation>{path}：kpt_names：必须是名称列表</translation>
    </message>
    <message>
        <source>{path}: skeleton: must be a list of [a, b] keypoint index pairs</source>
        <translation>{path}：skeleton：必须是 [a, b] 关键点序号对的列表</translation>
    </message>
    <message>
        <source>{error}; classes are shown by number</source>
        <translation>{error}；类别以编号显示</translation>
    </message>
    <message>
        <source>{path}:{line}: more than {limit} objects in one image</source>
        <translation>{path}:{line}：一张图像中的目标超过 {limit} 个</translation>
    </message>
    <message>
        <source>{where}: {count} numbers, more than augview reads on one line</source>
        <translation>{where}：一行有 {count} 个数，超过 augview 能读取的数量</translation>
    </message>
    <message>
        <source>{where}: {value} is not a number</source>
        <translation>{where}：{value} 不是数字</translation>
    </message>
    <message>
        <source>{where}: coordinates must be finite numbers</source>
        <translation>{where}：坐标必须是有限的数</translation>
    </message>
    <message>
        <source>{where}: expected {expected} numbers after the class (a box and {k} keypoints), got {count}</source>
        <translation>{where}：类别之后应有 {expected} 个数（一个框和 {k} 个关键点），实际有 {count} 个</translation>
    </message>
    <message>
        <source>{where}: expected a box (4 numbers after the class) or a polygon (an even number, at least 6), got {count} numbers</source>
        <translation>{where}：应为一个框（类别之后 4 个数）或一个多边形（偶数个，至少 6 个），实际有 {count} 个数</translation>
    </message>
    <message>
        <source>{where}: the box&apos;s width and height must not be negative</source>
        <translation>{where}：框的宽和高不能为负</translation>
    </message>
    <message>
        <source>{path}: class {ids} is not among the {count} names of {names}; shown by number</source>
        <translation>{path}：类别 {ids} 不在 {names} 的 {count} 个名称之中；以编号显示</translation>
    </message>
    <message>
        <source>{where}: the class must be a whole number from 0, got {value}</source>
        <translation>{where}：类别必须是从 0 开始的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>{where}: keypoint visibility must be 0, 1 or 2</source>
        <translation>{where}：关键点可见性必须是 0、1 或 2</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 及另外 {count} 个</translation>
    </message>
    <message>
        <source>{op} can cut boxes: a box across the crop&apos;s edge is clipped to it, and dropped when what is left falls below the target settings (min_visibility, min_area, min_width, min_height); bbox_safe_random_crop never cuts one</source>
        <translation>{op} 可能切断边界框：跨越裁剪边缘的框会被裁到裁剪区域内，剩余部分低于目标设置（min_visibility、min_area、min_width、min_height）时被丢弃；bbox_safe_random_crop 从不切断边界框</translation>
    </message>
    <message>
        <source>{subsets} subsets of {count} (sizes {sizes}), too many to go through: at most {times} (upper bound)</source>
        <translation>{count} 个子步骤的 {subsets} 个子集（大小 {sizes}），太多无法逐一计算：至多 {times}（上限）</translation>
    </message>
    <message>
        <source>{n} side length</source>
        <translation>{n} 种边长</translation>
    </message>
    <message>
        <source>{n} side lengths</source>
        <translation>{n} 种边长</translation>
    </message>
    <message>
        <source>side {low}..{high}</source>
        <translation>边长 {low}..{high}</translation>
    </message>
    <message>
        <source>#{number} seed {seed} · {targets} · {summary}</source>
        <translation>#{number} 种子 {seed} · {targets} · {summary}</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>outside the image</source>
        <translation>在图像之外</translation>
    </message>
    <message>
        <source>visibility {value} &lt; {limit}</source>
        <translation>可见比例 {value} &lt; {limit}</translation>
    </message>
    <message>
        <source>area {value} &lt; {limit} px²</source>
        <translation>面积 {value} &lt; {limit} 像素²</translation>
    </message>
    <message>
        <source>width {value} &lt; {limit} px</source>
        <translation>宽度 {value} &lt; {limit} 像素</translation>
    </message>
    <message>
        <source>height {value} &lt; {limit} px</source>
        <translation>高度 {value} &lt; {limit} 像素</translation>
    </message>
    <message>
        <source>{kept} of {total} box kept</source>
        <translation>{total} 个框中保留 {kept} 个</translation>
    </message>
    <message>
        <source>{kept} of {total} boxes kept</source>
        <translation>{total} 个框中保留 {kept} 个</translation>
    </message>
    <message>
        <source>{kept}, {dropped} dropped ({reasons})</source>
        <translation>{kept}，丢弃 {dropped} 个（{reasons}）</translation>
    </message>
    <message>
        <source>{kept} of {total} keypoints in view</source>
        <translation>{total} 个关键点中 {kept} 个在视野内</translation>
    </message>
    <message>
        <source>{op}: box {index} ({name}) dropped, {reason}</source>
        <translation>{op}：框 {index}（{name}）被丢弃，{reason}</translation>
    </message>
    <message>
        <source>{n} keypoint left the image</source>
        <translation>{n} 个关键点离开了图像</translation>
    </message>
    <message>
        <source>{n} keypoints left the image</source>
        <translation>{n} 个关键点离开了图像</translation>
    </message>
    <message>
        <source>{op}: {what}</source>
        <translation>{op}：{what}</translation>
    </message>
    <message>
        <source>settings.{key}: {why}</source>
        <translation>settings.{key}：{why}</translation>
    </message>
    <message>
        <source>{what}: one entry per image ({count}), got {got}</source>
        <translation>{what}：每张图像一项（共 {count} 项），实际为 {got} 项</translation>
    </message>
    <message>
        <source>image {index}: {labels} box labels for {boxes} boxes</source>
        <translation>图像 {index}：{boxes} 个框却有 {labels} 个框标签</translation>
    </message>
    <message>
        <source>masks must all be (H, W) or all have the same channels</source>
        <translation>掩码必须全部为 (H, W)，或全部具有相同的通道数</translation>
    </message>
    <message>
        <source>a mosaic&apos;s size must be whole numbers of pixels from 1 to {limit}, got {size}</source>
        <translation>马赛克的尺寸必须是 1 到 {limit} 之间的整数像素，得到 {size}</translation>
    </message>
    <message>
        <source>a mosaic&apos;s grid must be whole numbers of rows and columns, got {grid}</source>
        <translation>马赛克的网格必须是整数的行数和列数，得到 {grid}</translation>
    </message>
    <message>
        <source>nothing could be imported: {count} transform(s) left out</source>
        <translation>没有可导入的内容：{count} 个变换被省略</translation>
    </message>
    <message>
        <source>antialias: albumentations draws the streak one pixel thick, a staircase at slanted angles</source>
        <translation>antialias：albumentations 把拖影画成一像素宽，倾斜时呈阶梯状</translation>
    </message>
    <message>
        <source>slanted streaks: albumentations rounds ksize points spaced along the line, augview takes one cell per pixel step along its longer axis: the same length and angle, other cells at some angles; horizontal and vertical streaks are the same</source>
        <translation>倾斜的拖影：albumentations 对沿直线等距的 ksize 个点取整，augview 沿较长的轴每个像素步取一个格：长度和角度相同，某些角度下格子不同；水平和竖直的拖影完全一样</translation>
    </message>
    <message>
        <source>crop_left + crop_right or crop_top + crop_bottom above 1: albumentations&apos; RandomCropFromBorders refuses it</source>
        <translation>crop_left + crop_right 或 crop_top + crop_bottom 大于 1：albumentations 的 RandomCropFromBorders 不接受</translation>
    </message>
    <message>
        <source>SafeRotate puts the turned image half a pixel right and down of the centre (even at angle 0); augview keeps the centre in place</source>
        <translation>SafeRotate 会把旋转后的图像放在中心偏右、偏下半个像素处（角度为 0 时也是如此）；augview 保持中心不动</translation>
    </message>
    <message>
        <source>PiecewiseAffine of albumentations 2.x blends the control points by inverse distance: between them it also pulls the image towards the centre; augview maps each triangle of the grid affinely (the two agree at the control points)</source>
        <translation>albumentations 2.x 的 PiecewiseAffine 按距离反比混合控制点：在控制点之间它还会把图像拉向中心；augview 对网格的每个三角形做仿射映射（两者在控制点上一致）</translation>
    </message>
    <message>
        <source>Superpixels shrinks the whole image to max_size and back, so the segments it keeps lose detail too (augview keeps them at full size), and it never replaces the first segment</source>
        <translation>Superpixels 会把整幅图像缩小到 max_size 再放大回来，因此它保留的分块也会丢失细节（augview 以原尺寸保留它们），而且它从不替换第一个分块</translation>
    </message>
    <message>
        <source>albumentations moves each side all the way to the image&apos;s edge (augview&apos;s spread 1)</source>
        <translation>albumentations 会把每条边一直移到图像边缘（相当于 augview 的 spread 1）</translation>
    </message>
    <message>
        <source>disabled; left out</source>
        <translation>已停用；未导出</translation>
    </message>
    <message>
        <source>approximate: {text}</source>
        <translation>近似：{text}</translation>
    </message>
    <message>
        <source>{param} must be finite numbers, got {value}</source>
        <translation>{param} 必须是有限的数字，实际为 {value}</translation>
    </message>
    <message>
        <source>has more than {max} transforms, the most a preset may hold</source>
        <translation>包含超过 {max} 个变换，超出预设能容纳的上限</translation>
    </message>
    <message>
        <source>nests compositions more than {max} deep, the most a preset may</source>
        <translation>组合嵌套超过 {max} 层，超出预设允许的上限</translation>
    </message>
    <message>
        <source>has a value albumentations would refuse ({reason})</source>
        <translation>含有 albumentations 会拒绝的值（{reason}）</translation>
    </message>
    <message>
        <source>no p; used albumentations&apos; default {p}</source>
        <translation>未给出 p；使用 albumentations 的默认值 {p}</translation>
    </message>
    <message>
        <source>prepares the image for a model, it is not an augmentation</source>
        <translation>这是为模型准备图像的步骤，不是增强</translation>
    </message>
    <message>
        <source>no augview counterpart</source>
        <translation>augview 中没有对应操作</translation>
    </message>
    <message>
        <source>replace=true (a transform may run twice) has no augview counterpart; imported without repeats</source>
        <translation>replace=true（同一变换可能运行两次）在 augview 中没有对应；导入为不重复抽取</translation>
    </message>
    <message>
        <source>albumentations before 2.0 picks by the transforms&apos; p as weights; augview picks uniformly</source>
        <translation>albumentations 2.0 之前以各变换的 p 作为权重来挑选；augview 均匀挑选</translation>
    </message>
    <message>
        <source>picking {n} of {total} in a random order has no augview counterpart; imported as some_of (declared order)</source>
        <translation>从 {total} 个中按随机顺序挑选 {n} 个在 augview 中没有对应；导入为 some_of（按声明顺序）</translation>
    </message>
    <message>
        <source>read as Compose; augview records what each step drew in every result&apos;s trace (Pipeline.replay applies it again), which is what ReplayCompose&apos;s replay is for</source>
        <translation>按 Compose 读取；augview 在每个结果的轨迹中记录每一步抽取的值（Pipeline.replay 可再次应用），这正是 ReplayCompose 的重放所做的事</translation>
    </message>
    <message>
        <source>kept in the preset&apos;s training tail: exported back, not shown</source>
        <translation>保存在预设的训练尾部：导出时写回，不在预览中显示</translation>
    </message>
    <message>
        <source>kept in the preset&apos;s training tail, which runs after every step (here it came before {names})</source>
        <translation>保存在预设的训练尾部，它在所有步骤之后运行（原流水线中它位于 {names} 之前）</translation>
    </message>
    <message>
        <source>holds no transform to import</source>
        <translation>不包含可导入的变换</translation>
    </message>
    <message>
        <source>{key} not given: used albumentations 2.x&apos;s default {new}; before {version} it was {old}</source>
        <translation>未给出 {key}：使用 albumentations 2.x 的默认值 {new}；{version} 之前的默认值是 {old}</translation>
    </message>
    <message>
        <source>var_limit {value}: albumentations 1.x drew the variance uniformly, 2.x and augview draw the standard deviation uniformly between the same ends</source>
        <translation>var_limit {value}：albumentations 1.x 均匀抽取方差，2.x 和 augview 在相同端点之间均匀抽取标准差</translation>
    </message>
    <message>
        <source>albumentations 1.4 removed the random affine move of ElasticTransform; 2.x and augview only displace</source>
        <translation>albumentations 1.4 去掉了 ElasticTransform 的随机仿射移动；2.x 和 augview 只做位移场变形</translation>
    </message>
    <message>
        <source>albumentations 1.4 removed the shift of the distortion centre; 2.x and augview distort around the image centre</source>
        <translation>albumentations 1.4 去掉了畸变中心的偏移；2.x 和 augview 围绕图像中心畸变</translation>
    </message>
    <message>
        <source>it had no effect in albumentations 1.x either</source>
        <translation>它在 albumentations 1.x 中同样不起作用</translation>
    </message>
    <message>
        <source>translate_px is a shift in pixels and no earlier step fixes the image size; augview shifts by fractions of the side (translate_percent)</source>
        <translation>translate_px 是以像素计的平移，且前面没有步骤固定图像尺寸；augview 按边长的比例平移（translate_percent）</translation>
    </message>
    <message>
        <source>only CropAndPad(percent=..., keep_size=False, sample_independently=False), which crops the same share of every side, has an augview counterpart</source>
        <translation>只有每条边裁去相同比例的 CropAndPad(percent=..., keep_size=False, sample_independently=False) 在 augview 中有对应</translation>
    </message>
    <message>
        <source>padding (a positive percent) or cropping half a side or more has no augview counterpart</source>
        <translation>填充（正的 percent）或裁去一半及以上边长在 augview 中没有对应</translation>
    </message>
    <message>
        <source>CropAndPad crops around the centre; augview&apos;s random_crop places the crop anywhere (same sizes)</source>
        <translation>CropAndPad 围绕中心裁剪；augview 的 random_crop 可把裁剪框放在任意位置（尺寸相同）</translation>
    </message>
    <message>
        <source>hole sizes in pixels, and no earlier step fixes the image size (a Resize or a crop); augview takes fractions of the side (hole_height_range/hole_width_range as floats in (0, 1])</source>
        <translation>孔洞尺寸以像素计，且前面没有步骤固定图像尺寸（Resize 或裁剪）；augview 使用边长的比例（hole_height_range/hole_width_range 取 (0, 1] 内的小数）</translation>
    </message>
    <message>
        <source>the default grid has cells of {w} x {h} px: augview&apos;s cells are square, used {w}</source>
        <translation>默认网格的单元为 {w} x {h} 像素：augview 的单元是正方形，使用 {w}</translation>
    </message>
    <message>
        <source>holes_number_xy must be positive counts, got {value}</source>
        <translation>holes_number_xy 必须是正整数个数，实际为 {value}</translation>
    </message>
    <message>
        <source>holes_number_xy gives cells of {w} x {h} px: augview&apos;s cells are square, used {w}</source>
        <translation>holes_number_xy 给出 {w} x {h} 像素的单元：augview 的单元是正方形，使用 {w}</translation>
    </message>
    <message>
        <source>a grid given by holes_number_xy depends on the image size, and no earlier step fixes it; augview takes unit_size_range (the cell side in pixels)</source>
        <translation>由 holes_number_xy 给出的网格取决于图像尺寸，且前面没有步骤固定它；augview 使用 unit_size_range（单元边长，像素）</translation>
    </message>
    <message>
        <source>holes_number_xy ignored: albumentations uses unit_size_range when both are given</source>
        <translation>忽略 holes_number_xy：两者都给出时 albumentations 使用 unit_size_range</translation>
    </message>
    <message>
        <source>shift_xy ignored: augview&apos;s grid starts at a random offset (random_offset) or at 0</source>
        <translation>忽略 shift_xy：augview 的网格从随机偏移（random_offset）或 0 开始</translation>
    </message>
    <message>
        <source>NoOp changes nothing (in a OneOf or SomeOf an empty step keeps its place)</source>
        <translation>NoOp 什么也不改变（在 OneOf 或 SomeOf 中由一个空步骤保留它的位置）</translation>
    </message>
    <message>
        <source>max_size_hw (a size per side) has no augview counterpart; give max_size</source>
        <translation>max_size_hw（每条边各一个尺寸）在 augview 中没有对应项；请给出 max_size</translation>
    </message>
    <message>
        <source>area_for_downscale ignored: choose interpolation &apos;area&apos; for shrinking</source>
        <translation>已忽略 area_for_downscale：缩小时请选择插值方式 &apos;area&apos;</translation>
    </message>
    <message>
        <source>max_size must be a number or a list of numbers</source>
        <translation>max_size 必须是一个数或一组数</translation>
    </message>
    <message>
        <source>max_size {sizes}: augview draws from evenly spaced sizes, used {low} to {high} in steps of {step}</source>
        <translation>max_size {sizes}：augview 从等间距的尺寸中抽取，已使用 {low} 到 {high}，步长 {step}</translation>
    </message>
    <message>
        <source>max_size None (segments at full size): augview segments a copy at most 1024 pixels long</source>
        <translation>max_size 为 None（在原尺寸上分块）：augview 在长边最多 1024 像素的副本上分块</translation>
    </message>
    <message>
        <source>albumentations shrinks the whole image to max_size and back, augview keeps the segments it does not replace at full size</source>
        <translation>albumentations 会把整幅图像缩小到 max_size 再放大回来，augview 以原尺寸保留未被替换的分块</translation>
    </message>
    <message>
        <source>mode &apos;exact&apos; (one swap after the other): augview swaps every pixel at once (&apos;fast&apos;)</source>
        <translation>mode &apos;exact&apos;（逐个交换）：augview 一次交换所有像素（&apos;fast&apos;）</translation>
    </message>
    <message>
        <source>grid must be [rows, columns]</source>
        <translation>grid 必须是 [行数, 列数]</translation>
    </message>
    <message>
        <source>albumentations 2.x blends the control points by inverse distance, augview maps each triangle of the grid affinely (the same at the control points)</source>
        <translation>albumentations 2.x 按距离反比混合控制点，augview 对网格的每个三角形做仿射映射（在控制点上相同）</translation>
    </message>
    <message>
        <source>albumentations puts the turned image half a pixel right and down of the centre; augview keeps the centre in place</source>
        <translation>albumentations 会把旋转后的图像放在中心偏右、偏下半个像素处；augview 保持中心不动</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>{name}(**...) or (*...)</source>
        <translation>{name}(**...) 或 (*...)</translation>
    </message>
    <message>
        <source>{name} with {count} positional arguments (give them by name)</source>
        <translation>带 {count} 个位置参数的 {name}（请按名称给出）</translation>
    </message>
    <message>
        <source>transforms of {name} are not a list</source>
        <translation>{name} 的变换不是列表</translation>
    </message>
    <message>
        <source>the list of transforms of {name}</source>
        <translation>{name} 的变换列表</translation>
    </message>
    <message>
        <source>{value} is not a literal the import can read</source>
        <translation>{value} 不是导入能读取的字面值</translation>
    </message>
    <message>
        <source>is not Python that can be read: {reason}</source>
        <translation>不是可读取的 Python 代码：{reason}</translation>
    </message>
    <message>
        <source>has no albumentations Compose([...]) to import</source>
        <translation>没有可导入的 albumentations Compose([...])</translation>
    </message>
    <message>
        <source>imported the first of {count} pipelines in the file; the others start at line(s) {lines}</source>
        <translation>导入了文件中 {count} 个流水线里的第一个；其余的从第 {lines} 行开始</translation>
    </message>
    <message>
        <source>written for albumentations 1.x ({names}): read with 1.x&apos;s defaults and meanings</source>
        <translation>为 albumentations 1.x 编写（{names}）：按 1.x 的默认值和含义读取</translation>
    </message>
    <message>
        <source>{what} must be distinct names (letters, digits, _) other than albumentations&apos; own targets, got {value}</source>
        <translation>{what} 必须是互不相同的名称（字母、数字、_），且不能是 albumentations 自身的目标名，实际为 {value}</translation>
    </message>
    <message>
        <source>keypoint_format must be one of {formats}, got {value}</source>
        <translation>keypoint_format 必须是 {formats} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>a label field cannot belong to boxes and keypoints at once: {names}</source>
        <translation>一个标签字段不能同时属于框和关键点：{names}</translation>
    </message>
    <message>
        <source>{key} is not an object ({value}); ignored</source>
        <translation>{key} 不是对象（{value}）；已忽略</translation>
    </message>
    <message>
        <source>{key} {value} is not a number; ignored</source>
        <translation>{key} {value} 不是数字；已忽略</translation>
    </message>
    <message>
        <source>{key} {value} is outside augview&apos;s range {min}..{max}; clamped to {clamped}</source>
        <translation>{key} {value} 超出 augview 的范围 {min}..{max}；已限制为 {clamped}</translation>
    </message>
    <message>
        <source>bbox_params format {value} is not one albumentations knows; ignored</source>
        <translation>bbox_params 的格式 {value} 不是 albumentations 认识的格式；已忽略</translation>
    </message>
    <message>
        <source>boxes in format &apos;{format}&apos;: give them to Pipeline.apply with box_format=&apos;{format}&apos; (a preset does not hold the format)</source>
        <translation>框的格式为“{format}”：调用 Pipeline.apply 时请传入 box_format=&apos;{format}&apos;（预设不保存格式）</translation>
    </message>
    <message>
        <source>box label_fields {fields}: give the labels as box_labels= (anything per box, e.g. a tuple for several fields); they stay aligned with the boxes</source>
        <translation>框的 label_fields {fields}：请以 box_labels= 传入标签（每个框任意一项，例如多个字段用一个元组）；标签始终与框对齐</translation>
    </message>
    <message>
        <source>check_each_transform false: augview judges boxes after every geometric step</source>
        <translation>check_each_transform 为 false：augview 在每个几何步骤之后都会判定框</translation>
    </message>
    <message>
        <source>filter_invalid_bboxes: augview refuses a box whose maximum is below its minimum (InvalidTargetsError) instead of dropping it</source>
        <translation>filter_invalid_bboxes：对于最大值小于最小值的框，augview 会拒绝（InvalidTargetsError），而不是丢弃它</translation>
    </message>
    <message>
        <source>max_accept_ratio {value} ignored: augview does not drop boxes by their aspect ratio</source>
        <translation>已忽略 max_accept_ratio {value}：augview 不按宽高比丢弃框</translation>
    </message>
    <message>
        <source>keypoints in format &apos;xyas&apos;: give (K, 4) keypoints, x, y, angle, scale</source>
        <translation>关键点格式为“xyas”：请传入 (K, 4) 的关键点：x、y、角度、尺度</translation>
    </message>
    <message>
        <source>keypoints in format &apos;xysa&apos;: augview takes x, y, angle, scale: swap the last two columns</source>
        <translation>关键点格式为“xysa”：augview 接受 x、y、角度、尺度：请交换最后两列</translation>
    </message>
    <message>
        <source>keypoints in format &apos;xya&apos;: augview takes x, y or x, y, angle, scale: add a scale of 1</source>
        <translation>关键点格式为“xya”：augview 接受 x、y 或 x、y、角度、尺度：请补上尺度 1</translation>
    </message>
    <message>
        <source>keypoints in format &apos;xys&apos;: augview takes x, y or x, y, angle, scale: add an angle of 0 before the scale</source>
        <translation>关键点格式为“xys”：augview 接受 x、y 或 x、y、角度、尺度：请在尺度之前补上角度 0</translation>
    </message>
    <message>
        <source>keypoints in format &apos;yx&apos;: augview takes x, y: swap the two columns</source>
        <translation>关键点格式为“yx”：augview 接受 x、y：请交换这两列</translation>
    </message>
    <message>
        <source>keypoints in format &apos;xyz&apos;: augview&apos;s keypoints are 2-D: give x, y (z is not moved)</source>
        <translation>关键点格式为“xyz”：augview 的关键点是二维的：请传入 x、y（z 不会被移动）</translation>
    </message>
    <message>
        <source>keypoint_params format {value} is not one albumentations knows; ignored</source>
        <translation>keypoint_params 的格式 {value} 不是 albumentations 认识的格式；已忽略</translation>
    </message>
    <message>
        <source>angles in radians: augview&apos;s keypoint angles are degrees (convert with numpy.degrees)</source>
        <translation>角度以弧度表示：augview 的关键点角度以度为单位（可用 numpy.degrees 转换）</translation>
    </message>
    <message>
        <source>keypoint label_fields {fields}: augview gives keypoint_ids, the input positions of the keypoints kept: pick your labels with them</source>
        <translation>关键点的 label_fields {fields}：augview 返回 keypoint_ids，即保留下来的关键点在输入中的位置：请用它们选取标签</translation>
    </message>
    <message>
        <source>check_each_transform false: augview drops keypoints that leave the image after every geometric step</source>
        <translation>check_each_transform 为 false：augview 在每个几何步骤之后都会丢弃离开图像的关键点</translation>
    </message>
    <message>
        <source>additional_targets is not an object ({value}); ignored</source>
        <translation>additional_targets 不是对象（{value}）；已忽略</translation>
    </message>
    <message>
        <source>extra mask {name}: give it with the others in masks=[...], it moves like them</source>
        <translation>额外的掩码 {name}：请与其他掩码一起放入 masks=[...]，它会与它们一样移动</translation>
    </message>
    <message>
        <source>extra image {name}: apply the same steps to it with Pipeline.replay(image, result.trace)</source>
        <translation>额外的图像 {name}：请用 Pipeline.replay(image, result.trace) 对它施加相同的步骤</translation>
    </message>
    <message>
        <source>extra boxes {name}: give them with the others and split the result by box_ids</source>
        <translation>额外的框 {name}：请与其他框一起传入，再按 box_ids 拆分结果</translation>
    </message>
    <message>
        <source>extra keypoints {name}: give them with the others and split the result by keypoint_ids</source>
        <translation>额外的关键点 {name}：请与其他关键点一起传入，再按 keypoint_ids 拆分结果</translation>
    </message>
    <message>
        <source>additional target {name} of kind {kind} has no augview counterpart; ignored</source>
        <translation>类型为 {kind} 的额外目标 {name} 在 augview 中没有对应项；已忽略</translation>
    </message>
    <message>
        <source>rotate_method {value} has no augview counterpart; ignored</source>
        <translation>rotate_method {value} 在 augview 中没有对应项；已忽略</translation>
    </message>
    <message>
        <source>mask_interpolation {value} ignored: augview moves masks with the nearest neighbour only, so labels are never blended</source>
        <translation>已忽略 mask_interpolation {value}：augview 只用最近邻移动掩码，因此标签永远不会被混合</translation>
    </message>
    <message>
        <source>fill_mask {value} is not a number; ignored</source>
        <translation>fill_mask {value} 不是数字；已忽略</translation>
    </message>
    <message>
        <source>fill_mask {values} per channel: augview fills masks with one label, used the first</source>
        <translation>每个通道的 fill_mask {values}：augview 用一个标签填充掩码，已使用第一个</translation>
    </message>
    <message>
        <source>fill_mask {value} is not a label augview takes ({min}..{max}); used {used}</source>
        <translation>fill_mask {value} 不是 augview 接受的标签（{min}..{max}）；已使用 {used}</translation>
    </message>
    <message>
        <source>{label} {value} here: augview has one {key} for the whole preset, used {chosen}</source>
        <translation>此处的 {label} 为 {value}：augview 整个预设只有一个 {key}，已使用 {chosen}</translation>
    </message>
    <message>
        <source>{label} not given (albumentations&apos; {value}) here: augview has one {key} for the whole preset, used {chosen}</source>
        <translation>此处未给出 {label}（albumentations 的默认值为 {value}）：augview 整个预设只有一个 {key}，已使用 {chosen}</translation>
    </message>
    <message>
        <source>is nested too deeply to be a pipeline</source>
        <translation>嵌套过深，不可能是流水线</translation>
    </message>
    <message>
        <source>uses more than {max} YAML aliases</source>
        <translation>使用了超过 {max} 个 YAML 别名</translation>
    </message>
    <message>
        <source>is nested more than {max} levels deep</source>
        <translation>嵌套超过 {max} 层</translation>
    </message>
    <message>
        <source>has a YAML alias that refers to itself</source>
        <translation>含有引用自身的 YAML 别名</translation>
    </message>
    <message>
        <source>expands to more than {max} YAML values (its aliases repeat what they point to), more than a pipeline holds</source>
        <translation>展开后超过 {max} 个 YAML 值（别名会重复其指向的内容），超出流水线能容纳的量</translation>
    </message>
    <message>
        <source>{where}: {text}; left out</source>
        <translation>{where}：{text}；已略去</translation>
    </message>
    <message>
        <source>{steps}; skip_unsupported=True leaves them out</source>
        <translation>{steps}；skip_unsupported=True 会略去它们</translation>
    </message>
    <message>
        <source>{n} step(s) have no {target} counterpart: {steps}</source>
        <translation>{n} 个步骤在 {target} 中没有对应：{steps}</translation>
    </message>
    <message>
        <source>a {what} range of {count} values is too wide to spell out</source>
        <translation>{what} 的范围有 {count} 个取值，太多，无法逐一写出</translation>
    </message>
    <message>
        <source>a factor per pixel or per channel has no torchvision counterpart (one factor for the whole image is ColorJitter&apos;s brightness)</source>
        <translation>逐像素或逐通道的系数在 torchvision 中没有对应（整幅图像一个系数即 ColorJitter 的 brightness）</translation>
    </message>
    <message>
        <source>pad_mode &apos;{mode}&apos; pads up to a size that depends on the image</source>
        <translation>pad_mode &apos;{mode}&apos; 填充到取决于图像的尺寸</translation>
    </message>
    <message>
        <source>border_mode &apos;{mode}&apos; has no torchvision padding mode</source>
        <translation>border_mode &apos;{mode}&apos; 没有对应的 torchvision 填充模式</translation>
    </message>
    <message>
        <source>position &apos;random&apos; has no torchvision counterpart</source>
        <translation>position &apos;random&apos; 在 torchvision 中没有对应</translation>
    </message>
    <message>
        <source>sigma 0 changes nothing</source>
        <translation>sigma 为 0 不改变任何内容</translation>
    </message>
    <message>
        <source>size_mode &apos;fraction&apos; (a crop relative to the image) has no torchvision counterpart</source>
        <translation>size_mode &apos;fraction&apos;（相对图像的裁剪）在 torchvision 中没有对应</translation>
    </message>
    <message>
        <source>{n} side lengths are too many to spell out (at most {most})</source>
        <translation>{n} 个边长太多，无法逐一写出（最多 {most} 个）</translation>
    </message>
    <message>
        <source>torchvision truncates the other side&apos;s length where augview rounds it (at most a pixel shorter)</source>
        <translation>torchvision 对另一条边的长度向下取整，而 augview 四舍五入（最多短一个像素）</translation>
    </message>
    <message>
        <source>no torchvision counterpart</source>
        <translation>torchvision 中没有对应</translation>
    </message>
    <message>
        <source>{where}: disabled in the preset</source>
        <translation>{where}：在预设中已停用</translation>
    </message>
    <message>
        <source>not exported: {where}: {text}</source>
        <translation>未导出：{where}：{text}</translation>
    </message>
    <message>
        <source>{total} combinations of children are too many to spell out (at most {max})</source>
        <translation>子项组合有 {total} 种，太多，无法逐一写出（最多 {max}）</translation>
    </message>
    <message>
        <source>approximate: p below 1 ignored: torchvision normalises every image</source>
        <translation>近似：忽略小于 1 的 p：torchvision 会对每张图像做归一化</translation>
    </message>
    <message>
        <source>{where}: v2.ToImage() above already gives a (C, H, W) tensor</source>
        <translation>{where}：上面的 v2.ToImage() 已经给出 (C, H, W) 张量</translation>
    </message>
    <message>
        <source>approximate: max_value {value}: torchvision scales uint8 by 255</source>
        <translation>近似：max_value {value}：torchvision 按 255 缩放 uint8</translation>
    </message>
    <message>
        <source>normalization &apos;{kind}&apos; (from the image&apos;s own statistics) has no torchvision counterpart</source>
        <translation>normalization &apos;{kind}&apos;（基于图像自身统计量）在 torchvision 中没有对应</translation>
    </message>
    <message>
        <source>SanitizeBoundingBoxes judges the boxes once, at the end, and drops those under 1 px a side; augview judges each box after every geometric step</source>
        <translation>SanitizeBoundingBoxes 只在最后判定一次框，并丢弃边长不足 1 像素的框；augview 在每个几何步骤之后都判定每个框</translation>
    </message>
    <message>
        <source>min_width {width} and min_height {height}: torchvision&apos;s min_size is one limit for both sides, used {size}</source>
        <translation>min_width {width} 与 min_height {height}：torchvision 的 min_size 对两条边使用同一个下限，已使用 {size}</translation>
    </message>
    <message>
        <source>min_visibility {value} has no torchvision counterpart; left out</source>
        <translation>min_visibility {value} 在 torchvision 中没有对应项；已略去</translation>
    </message>
    <message>
        <source>box_method &apos;ellipse&apos;: torchvision encloses the moved corners of a rotated box (largest_box)</source>
        <translation>box_method 为“ellipse”：torchvision 会包住旋转后框的四个角（largest_box）</translation>
    </message>
    <message>
        <source>holes_in_mask: torchvision&apos;s RandomErasing leaves masks as they are</source>
        <translation>holes_in_mask：torchvision 的 RandomErasing 不会改动掩码</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: two COCO files would be written as {name}</source>
        <translation>{path}：两个 COCO 文件会写成同一个 {name}</translation>
    </message>
    <message>
        <source>OpenCV cannot encode {suffix} images (it was built without that format)</source>
        <translation>OpenCV 无法编码 {suffix} 图像（它在构建时没有包含该格式）</translation>
    </message>
    <message>
        <source>{path}: cannot write the manifest ({reason})</source>
        <translation>{path}：无法写入清单（{reason}）</translation>
    </message>
    <message>
        <source>cannot connect to the Ray cluster at {address} ({reason})</source>
        <translation>无法连接到位于 {address} 的 Ray 集群（{reason}）</translation>
    </message>
    <message>
        <source>a Ray task failed ({reason}); the run stopped: run it again to resume</source>
        <translation>一个 Ray 任务失败（{reason}）；运行已停止：再次运行即可从中断处继续</translation>
    </message>
    <message>
        <source>{n} variant</source>
        <translation>{n} 个变体</translation>
    </message>
    <message>
        <source>{n} variants</source>
        <translation>{n} 个变体</translation>
    </message>
    <message>
        <source>{images} x {variants}: {written} written, {skipped} skipped (already there), {failed} failed ({failed_images})</source>
        <translation>{images} x {variants}：已写入 {written} 个，跳过 {skipped} 个（已存在），失败 {failed} 个（{failed_images}）</translation>
    </message>
    <message>
        <source>{images} x {variants}: {written} written, {skipped} skipped (already there), {failed} failed</source>
        <translation>{images} x {variants}：已写入 {written} 个，跳过 {skipped} 个（已存在），失败 {failed} 个</translation>
    </message>
    <message>
        <source>{summary}; {files} besides the images, annotations among them</source>
        <translation>{summary}；图像之外另有 {files}，其中包括标注</translation>
    </message>
    <message>
        <source>{summary}; {files} ignored</source>
        <translation>{summary}；忽略了 {files}</translation>
    </message>
    <message>
        <source>{n} other file</source>
        <translation>{n} 个其他文件</translation>
    </message>
    <message>
        <source>{n} other files</source>
        <translation>{n} 个其他文件</translation>
    </message>
    <message>
        <source>{summary}; {seconds} s, {workers}; manifest {manifest}</source>
        <translation>{summary}；用时 {seconds} 秒，{workers}；清单 {manifest}</translation>
    </message>
    <message>
        <source>{n} worker</source>
        <translation>{n} 个工作进程</translation>
    </message>
    <message>
        <source>{n} workers</source>
        <translation>{n} 个工作进程</translation>
    </message>
    <message>
        <source>interrupted: {summary}</source>
        <translation>已中断：{summary}</translation>
    </message>
    <message>
        <source>stopped: {summary}</source>
        <translation>已停止：{summary}</translation>
    </message>
    <message>
        <source>{n} image</source>
        <translation>{n} 张图像</translation>
    </message>
    <message>
        <source>{n} images</source>
        <translation>{n} 张图像</translation>
    </message>
    <message>
        <source>{folder}: no images found (looked for {suffixes})</source>
        <translation>{folder}：未找到图像（查找的扩展名：{suffixes}）</translation>
    </message>
    <message>
        <source>augview: interrupted; finishing the images in progress (interrupt again to quit now)</source>
        <translation>augview：已中断；正在完成处理中的图像（再次中断可立即退出）</translation>
    </message>
    <message>
        <source>augview: interrupted</source>
        <translation>augview：已中断</translation>
    </message>
    <message>
        <source>torchvision&apos;s learned policies refuse boxes and masks (TypeError); export the preset without target settings to keep this step</source>
        <translation>torchvision 的学习策略不接受边界框和掩码（TypeError）；要保留此步骤，请导出不带目标设置的预设</translation>
    </message>
    <message>
        <source>torchvision&apos;s learned policies refuse boxes and masks (TypeError), which this preset&apos;s steps that use boxes or cut holes into masks make the code take</source>
        <translation>torchvision 的学习型策略不接受框和掩码（TypeError），而此预设中使用框或在掩码上挖洞的步骤使生成的代码需要处理它们</translation>
    </message>
    <message>
        <source>{folder}: this output folder leads into the input folder {input} (a symbolic link?); the run would write among the sources</source>
        <translation>{folder}：此输出文件夹指向输入文件夹 {input}（符号链接？）；运行会把文件写到源文件中间</translation>
    </message>
    <message>
        <source>{folder}: cannot open ({reason})</source>
        <translation>{folder}：无法打开（{reason}）</translation>
    </message>
    <message>
        <source>{path}: is not inside the input folder {input}</source>
        <translation>{path}：不在输入文件夹 {input} 之内</translation>
    </message>
    <message>
        <source>{path}: cannot write ({reason}); the run stopped. Outputs written so far are kept: choose an output folder that can be written to, or make this one writable, and run again to finish</source>
        <translation>{path}：无法写入（{reason}）；运行已停止。已写出的输出会保留：请选择可写入的输出文件夹，或使该文件夹可写，然后再次运行以完成</translation>
    </message>
    <message>
        <source>{path}: its annotations cannot be read ({reason})</source>
        <translation>{path}：无法读取它的标注（{reason}）</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>{path}: its annotations cannot be written ({reason})</source>
        <translation>{path}：无法写入它的标注（{reason}）</translation>
    </message>
    <message>
        <source>augview: interrupted; finishing the image in progress (interrupt again to quit now)</source>
        <translation>augview：已中断；正在完成当前这张图像（再次中断可立即退出）</translation>
    </message>
    <message>
        <source>a worker process exited as it started; if {script} starts the run outside `if __name__ == &quot;__main__&quot;:`, put it there: each worker imports the script again</source>
        <translation>一个工作进程启动时就退出了；如果 {script} 在 `if __name__ == &quot;__main__&quot;:` 之外启动运行，请把它放进去：每个工作进程都会重新导入该脚本</translation>
    </message>
    <message>
        <source>a worker process exited as it started</source>
        <translation>一个工作进程在启动时就退出了</translation>
    </message>
    <message>
        <source>the current folder no longer exists</source>
        <translation>当前文件夹已不存在</translation>
    </message>
    <message>
        <source>cannot start the worker processes ({reason}); a run with a single worker does not need them</source>
        <translation>无法启动工作进程（{reason}）；只用一个工作进程运行时不需要它们</translation>
    </message>
    <message>
        <source>cannot start a worker process ({reason}); the run stopped</source>
        <translation>无法启动一个工作进程（{reason}）；运行已停止</translation>
    </message>
    <message>
        <source>{first} (or one of the {more} images after it)</source>
        <translation>{first}（或其后 {more} 张图像之一）</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>whole image</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <source>{view}, mirrored</source>
        <translation>{view}，镜像</translation>
    </message>
    <message>
        <source>{view}, mirrored top to bottom</source>
        <translation>{view}，上下镜像</translation>
    </message>
    <message>
        <source>the crop size must be at least 1x1 pixels, got {h}x{w}</source>
        <translation>裁剪尺寸至少为 1x1 像素，实际为 {h}x{w}</translation>
    </message>
    <message>
        <source>a {h}x{w} crop does not fit in the {image_h}x{image_w} image; choose a size at most {image_h}x{image_w}</source>
        <translation>{h}x{w} 的裁剪放不进 {image_h}x{image_w} 的图像；请选择不超过 {image_h}x{image_w} 的尺寸</translation>
    </message>
    <message>
        <source>unknown test-time mode {mode}; use one of {modes}</source>
        <translation>未知的测试时模式 {mode}；请使用以下之一：{modes}</translation>
    </message>
    <message>
        <source>a shorter side of {side} px would make this {height}x{width} image {new_h}x{new_w}, over {limit} million pixels; choose a smaller size or no resize</source>
        <translation>短边设为 {side} px 会使这张 {height}x{width} 的图像变为 {new_h}x{new_w}，超过 {limit} 百万像素；请选择更小的尺寸或不缩放</translation>
    </message>
    <message>
        <source>the prediction for view {view} is {h}x{w}, but the view is {vh}x{vw}; resize it to the view&apos;s size first</source>
        <translation>视图 {view} 的预测为 {h}x{w}，但该视图为 {vh}x{vw}；请先把它缩放到视图的尺寸</translation>
    </message>
    <message>
        <source>{n} predictions for {m} views: give one per view, in the views&apos; order</source>
        <translation>{n} 个预测对应 {m} 个视图：请按视图的顺序，每个视图给一个</translation>
    </message>
    <message>
        <source>{folder}: cannot list the folder ({reason})</source>
        <translation>{folder}：无法列出文件夹内容（{reason}）</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <source>{folder}: is not a folder</source>
        <translation>{folder}：不是文件夹</translation>
    </message>
    <message>
        <source>{folder}: exists and is not a folder</source>
        <translation>{folder}：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>the output folder {output} is the input folder; choose another one</source>
        <translation>输出文件夹 {output} 就是输入文件夹；请另选一个</translation>
    </message>
    <message>
        <source>the output folder {output} is inside the input folder {input}; a re-run would take the outputs as sources: choose a folder outside it</source>
        <translation>输出文件夹 {output} 位于输入文件夹 {input} 之内；再次运行会把输出当作源文件：请选择其外部的文件夹</translation>
    </message>
    <message>
        <source>the input folder {input} is inside the output folder {output}; outputs could land among the sources: choose a folder outside it</source>
        <translation>输入文件夹 {input} 位于输出文件夹 {output} 之内；输出可能混入源文件中：请选择其外部的文件夹</translation>
    </message>
    <message>
        <source>{path}: cannot read the manifest ({reason})</source>
        <translation>{path}：无法读取清单（{reason}）</translation>
    </message>
    <message>
        <source>{path}: cannot sort the manifest ({reason}); its lines stay as they were written, and the next run sorts it</source>
        <translation>{path}：无法对清单排序（{reason}）；其中各行保持写入时的样子，下一次运行会将其排序</translation>
    </message>
    <message>
        <source>the number of variants must be between 1 and {max}, got {value}</source>
        <translation>变体数量必须在 1 到 {max} 之间，得到的是 {value}</translation>
    </message>
    <message>
        <source>the seed must be between 0 and {max}, got {value}</source>
        <translation>种子必须在 0 到 {max} 之间，得到的是 {value}</translation>
    </message>
    <message>
        <source>the number of workers must be 1 or more, got {value}</source>
        <translation>工作进程数必须至少为 1，得到的是 {value}</translation>
    </message>
    <message>
        <source>the output format must be one of {formats}, got {value}</source>
        <translation>输出格式必须是 {formats} 之一，得到的是 {value}</translation>
    </message>
    <message>
        <source>{folder}: {n} existing output was made with other steps or annotation settings, another seed or from other source files (first: {first}); --overwrite (&apos;replace existing outputs&apos; in the window) replaces them, or choose another output folder</source>
        <translation>{folder}：{n} 个已有输出是用其他步骤或标注设置、其他种子或从其他源文件生成的（第一个：{first}）；用 --overwrite（窗口中为“替换已有输出”）替换它们，或请选择另一个输出文件夹</translation>
    </message>
    <message>
        <source>{folder}: {n} existing outputs were made with other steps or annotation settings, another seed or from other source files (first: {first}); --overwrite (&apos;replace existing outputs&apos; in the window) replaces them, or choose another output folder</source>
        <translation>{folder}：{n} 个已有输出是用其他步骤或标注设置、其他种子或从其他源文件生成的（第一个：{first}）；用 --overwrite（窗口中为“替换已有输出”）替换它们，或请选择另一个输出文件夹</translation>
    </message>
    <message>
        <source>{path}: cannot write ({reason}); the run stopped. Outputs written so far are kept: make room and run again to finish</source>
        <translation>{path}：无法写入（{reason}）；运行已停止。已写入的输出都会保留：腾出空间后再次运行即可完成</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: variant {variant} failed ({reason})</source>
        <translation>{path}：变体 {variant} 失败（{reason}）</translation>
    </message>
    <message>
        <source>{path}: cannot write ({reason})</source>
        <translation>{path}：无法写入（{reason}）</translation>
    </message>
    <message>
        <source>{path}: exists but is not what this preset and seed make; left as it is (--overwrite, or &apos;replace existing outputs&apos; in the window, replaces it)</source>
        <translation>{path}：已存在，但与此预设和种子生成的结果不同；保持原样（用 --overwrite 或窗口中的“替换已有输出”替换它）</translation>
    </message>
    <message>
        <source>a worker process died while working on {source} (out of memory?); the run stopped</source>
        <translation>一个工作进程在处理 {source} 时意外终止（内存不足？）；运行已停止</translation>
    </message>
    <message>
        <source>up to {number}</source>
        <translation>最多 {number}</translation>
    </message>
    <message>
        <source>{number} different image from the discrete parts; infinitely many with {ops}</source>
        <translation>离散部分产生 {number} 种不同的图像；加上 {ops} 则有无穷多种</translation>
    </message>
    <message>
        <source>{number} different images from the discrete parts; infinitely many with {ops}</source>
        <translation>离散部分产生 {number} 种不同的图像；加上 {ops} 则有无穷多种</translation>
    </message>
    <message>
        <source>{number} different image</source>
        <translation>{number} 种不同的图像</translation>
    </message>
    <message>
        <source>{number} different images</source>
        <translation>{number} 种不同的图像</translation>
    </message>
    <message>
        <source>about {number}</source>
        <translation>约 {number}</translation>
    </message>
    <message>
        <source>total (discrete parts): {count}</source>
        <translation>合计（离散部分）：{count}</translation>
    </message>
    <message>
        <source>total (discrete parts): {count} (upper bound)</source>
        <translation>合计（离散部分）：{count}（上限）</translation>
    </message>
    <message>
        <source>continuous: {ops}, so the real number of different images is infinite</source>
        <translation>连续：{ops}，因此不同图像的实际数量是无穷的</translation>
    </message>
    <message>
        <source>{low} -&gt; {high} images</source>
        <translation>{low} -&gt; {high} 张图像</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>尺寸未知</translation>
    </message>
    <message>
        <source>to {size}</source>
        <translation>至 {size}</translation>
    </message>
    <message>
        <source>{across} x {down} = {total} positions</source>
        <translation>{across} x {down} = {total} 个位置</translation>
    </message>
    <message>
        <source>{op} p=0: never fires, x1</source>
        <translation>{op} p=0: 从不生效，x1</translation>
    </message>
    <message>
        <source>must be an object with &apos;transform&apos; one of {options}, got {value}</source>
        <translation>必须是对象，其 &apos;transform&apos; 为 {options} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown argument of {transform}</source>
        <translation>{transform} 的未知参数</translation>
    </message>
    <message>
        <source>has {count} entries; at most {max}</source>
        <translation>有 {count} 项；最多 {max} 项</translation>
    </message>
    <message>
        <source>must be a number or a list of 1 to 4 numbers ({rule}), got {value}</source>
        <translation>必须是数字或 1 到 4 个数字的列表（{rule}），实际为 {value}</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>not zero</source>
        <translation>不能为零</translation>
    </message>
    <message>
        <source>must be a positive number or null, got {value}</source>
        <translation>必须是正数或 null，实际为 {value}</translation>
    </message>
    <message>
        <source>{head}: {reason}, infinitely many outputs (not counted, x1)</source>
        <translation>{head}: {reason}，输出有无穷多种（不计入，x1）</translation>
    </message>
    <message>
        <source>{head}: {detail}, +1 when it does not fire: x{total}</source>
        <translation>{head}: {detail}，不生效时 +1：x{total}</translation>
    </message>
    <message>
        <source>{head}: no change, x1</source>
        <translation>{head}: 无变化，x1</translation>
    </message>
    <message>
        <source>{head}: x{total} (always applied)</source>
        <translation>{head}: x{total}（总是应用）</translation>
    </message>
    <message>
        <source>{head}: never runs anything, x1</source>
        <translation>{head}: 从不运行任何步骤，x1</translation>
    </message>
    <message>
        <source>{formula} x {count}! = {orders} orders: {times} (upper bound: orders of steps that commute give the same image)</source>
        <translation>{formula} x {count}! = {orders} 种顺序：{times}（上限：可交换步骤的不同顺序会得到相同的图像）</translation>
    </message>
    <message>
        <source>{formula} + 1 (not fired)</source>
        <translation>{formula} + 1（未生效）</translation>
    </message>
    <message>
        <source>{formula} (upper bound: different children may give the same image)</source>
        <translation>{formula}（上限：不同的子步骤可能得到相同的图像）</translation>
    </message>
    <message>
        <source>{subsets} subsets of {count} (sizes {sizes}), summing each subset&apos;s product: {times} (upper bound)</source>
        <translation>{count} 个子步骤的 {subsets} 个子集（大小 {sizes}），将各子集的乘积相加：{times}（上限）</translation>
    </message>
    <message>
        <source>{subsets} subsets of {count} (sizes {sizes}), summing each subset&apos;s product: {times}</source>
        <translation>{count} 个子步骤的 {subsets} 个子集（大小 {sizes}），将各子集的乘积相加：{times}</translation>
    </message>
    <message>
        <source>{formula} values</source>
        <translation>{formula} 种取值</translation>
    </message>
    <message>
        <source>random positions or seeds, too many to count</source>
        <translation>随机位置或种子，多得无法计数</translation>
    </message>
    <message>
        <source>(grey input)</source>
        <translation>（灰度输入）</translation>
    </message>
    <message>
        <source>3! = 6 channel orders (one is the original)</source>
        <translation>3! = 6 种通道顺序（其中一种即原图）</translation>
    </message>
    <message>
        <source>{n} bit depth</source>
        <translation>{n} 种位深</translation>
    </message>
    <message>
        <source>{n} bit depths</source>
        <translation>{n} 种位深</translation>
    </message>
    <message>
        <source>{detail} (8 bits = unchanged)</source>
        <translation>{detail}（8 位 = 不变）</translation>
    </message>
    <message>
        <source>bits {low}..{high}</source>
        <translation>位数 {low}..{high}</translation>
    </message>
    <message>
        <source>{n} threshold</source>
        <translation>{n} 种阈值</translation>
    </message>
    <message>
        <source>{n} thresholds</source>
        <translation>{n} 种阈值</translation>
    </message>
    <message>
        <source>{detail} (256 = unchanged)</source>
        <translation>{detail}（256 = 不变）</translation>
    </message>
    <message>
        <source>threshold {low}..{high}</source>
        <translation>阈值 {low}..{high}</translation>
    </message>
    <message>
        <source>angle drawn from {range}°</source>
        <translation>角度取自 {range}°</translation>
    </message>
    <message>
        <source>{n} angles</source>
        <translation>{n} 种角度</translation>
    </message>
    <message>
        <source>{n} angles (0° = unchanged)</source>
        <translation>{n} 种角度（0° = 不变）</translation>
    </message>
    <message>
        <source>{low}..{high} of 3 channels</source>
        <translation>3 个通道中的 {low}..{high} 个</translation>
    </message>
    <message>
        <source>{n} choice of channels</source>
        <translation>{n} 种通道选法</translation>
    </message>
    <message>
        <source>{n} choices of channels</source>
        <translation>{n} 种通道选法</translation>
    </message>
    <message>
        <source>{n} odd kernel size</source>
        <translation>{n} 种奇数核大小</translation>
    </message>
    <message>
        <source>{n} odd kernel sizes</source>
        <translation>{n} 种奇数核大小</translation>
    </message>
    <message>
        <source>positions depend on an earlier random size</source>
        <translation>位置取决于前面随机得到的尺寸</translation>
    </message>
    <message>
        <source>{crop} of {size} (clamped to the image)</source>
        <translation>从 {size} 中取 {crop}（已限制在图像内）</translation>
    </message>
    <message>
        <source>{crop} of {size}</source>
        <translation>从 {size} 中取 {crop}</translation>
    </message>
    <message>
        <source>{count} crop sizes, {total} size and position pairs</source>
        <translation>{count} 种裁剪尺寸，共 {total} 种尺寸与位置组合</translation>
    </message>
    <message>
        <source>fraction {range} of {size}</source>
        <translation>从 {size} 中取 fraction {range}</translation>
    </message>
    <message>
        <source>scale drawn from a continuous range</source>
        <translation>缩放比例取自连续范围</translation>
    </message>
    <message>
        <source>to {size} at a random place</source>
        <translation>至 {size}，位置随机</translation>
    </message>
    <message>
        <source>box drawn from continuous scale and ratio ranges</source>
        <translation>裁剪框取自连续的 scale 和 ratio 范围</translation>
    </message>
    <message>
        <source>{box} box to {size}</source>
        <translation>{box} 的框缩放至 {size}</translation>
    </message>
    <message>
        <source>#{number} seed {seed}: {summary}</source>
        <translation>#{number} 种子 {seed}：{summary}</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name}：文件不存在</translation>
    </message>
    <message>
        <source>{name}: permission denied</source>
        <translation>{name}：没有访问权限</translation>
    </message>
    <message>
        <source>{name}: cannot access the file ({reason})</source>
        <translation>{name}：无法访问该文件（{reason}）</translation>
    </message>
    <message>
        <source>{name}: is a folder, not an image</source>
        <translation>{name}：这是一个文件夹，不是图像</translation>
    </message>
    <message>
        <source>{name}: not a regular file (a pipe, socket or device)</source>
        <translation>{name}：不是普通文件（而是管道、套接字或设备）</translation>
    </message>
    <message>
        <source>{name}: the file is empty</source>
        <translation>{name}：文件是空的</translation>
    </message>
    <message>
        <source>{name}: cannot open the file ({reason})</source>
        <translation>{name}：无法打开该文件（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the data is empty</source>
        <translation>{name}：数据是空的</translation>
    </message>
    <message>
        <source>{name}: refused as a possible decompression bomb ({reason})</source>
        <translation>{name}：疑似解压炸弹，已拒绝读取（{reason}）</translation>
    </message>
    <message>
        <source>{name}: not an image file augview can read</source>
        <translation>{name}：不是 augview 能读取的图像文件</translation>
    </message>
    <message>
        <source>{name}: too large to decode in memory</source>
        <translation>{name}：图像太大，内存中无法解码</translation>
    </message>
    <message>
        <source>{name}: the image data is truncated or corrupt ({reason})</source>
        <translation>{name}：图像数据不完整或已损坏（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the image could not be decoded ({reason})</source>
        <translation>{name}：无法解码该图像（{reason}）</translation>
    </message>
    <message>
        <source>the image has no pixels ({width}x{height})</source>
        <translation>图像没有像素（{width}x{height}）</translation>
    </message>
    <message>
        <source>refused as a possible decompression bomb ({width}x{height} = {pixels} pixels, over {limit}; set PIL.Image.MAX_IMAGE_PIXELS to allow it)</source>
        <translation>疑似解压炸弹，已拒绝读取（{width}x{height} = {pixels} 像素，超过 {limit}；如需读取，请设置 PIL.Image.MAX_IMAGE_PIXELS）</translation>
    </message>
    <message>
        <source>cannot save images as {suffix}; use .png, .jpg, .bmp, .tif or .webp</source>
        <translation>无法保存为 {suffix} 格式；请使用 .png、.jpg、.bmp、.tif 或 .webp</translation>
    </message>
    <message>
        <source>is YAML, and reading YAML needs PyYAML: pip install pyyaml</source>
        <translation>是 YAML 文件，读取 YAML 需要 PyYAML：pip install pyyaml</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>invalid YAML</source>
        <translation>无效的 YAML</translation>
    </message>
    <message>
        <source>is not valid YAML: {problem} at line {line}, column {column}</source>
        <translation>不是有效的 YAML：第 {line} 行第 {column} 列，{problem}</translation>
    </message>
    <message>
        <source>is not valid YAML: {problem}</source>
        <translation>不是有效的 YAML：{problem}</translation>
    </message>
    <message>
        <source>box_format must be one of {formats}, got {value}</source>
        <translation>box_format 必须是 {formats} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>boxes must be numbers, an (N, 4) array</source>
        <translation>boxes 必须是数字组成的 (N, 4) 数组</translation>
    </message>
    <message>
        <source>boxes must be an (N, 4) array, got shape {shape}</source>
        <translation>boxes 必须是 (N, 4) 数组，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>boxes must be finite numbers</source>
        <translation>boxes 必须是有限数值</translation>
    </message>
    <message>
        <source>box {index} has its maximum below its minimum: {box}</source>
        <translation>第 {index} 个框的最大坐标小于最小坐标：{box}</translation>
    </message>
    <message>
        <source>{name} must hold integer labels, got dtype {dtype}</source>
        <translation>{name} 必须保存整数标签，实际 dtype 为 {dtype}</translation>
    </message>
    <message>
        <source>{name} must be (H, W) or (H, W, C) with the image&apos;s height and width {size}, got shape {shape}</source>
        <translation>{name} 必须是 (H, W) 或 (H, W, C)，且高宽与图像一致 {size}，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>keypoints must be numbers, a (K, 2) or (K, 4) array</source>
        <translation>keypoints 必须是数字组成的 (K, 2) 或 (K, 4) 数组</translation>
    </message>
    <message>
        <source>keypoints must be a (K, 2) or (K, 4) array, got shape {shape}</source>
        <translation>keypoints 必须是 (K, 2) 或 (K, 4) 数组，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>keypoints must be finite numbers</source>
        <translation>keypoints 必须是有限数值</translation>
    </message>
    <message>
        <source>{op} blends several augmented copies of the image, so masks, boxes and keypoints cannot follow it; disable it for annotated data</source>
        <translation>{op} 会混合图像的多个增强副本，掩码、框和关键点无法随之变换；处理带标注的数据时请停用它</translation>
    </message>
    <message>
        <source>give mask= or masks=, not both</source>
        <translation>请给出 mask= 或 masks=，不要同时给出</translation>
    </message>
    <message>
        <source>box_labels were given without boxes</source>
        <translation>给出了 box_labels，却没有给出 boxes</translation>
    </message>
    <message>
        <source>{labels} box labels for {boxes} boxes</source>
        <translation>{boxes} 个框对应了 {labels} 个框标签</translation>
    </message>
    <message>
        <source>{key} must be a number, a [low, high] pair or {{&quot;x&quot;: ..., &quot;y&quot;: ...}}, got {value}</source>
        <translation>{key} 必须是数字、[low, high] 数对或 {{&quot;x&quot;: ..., &quot;y&quot;: ...}}，实际为 {value}</translation>
    </message>
    <message>
        <source>a crop by a fraction of the side becomes CropAndPad, which crops around the centre; augview&apos;s random_crop places it anywhere (same sizes)</source>
        <translation>按边长比例的裁剪导出为 CropAndPad，它围绕中心裁剪；augview 的 random_crop 可放在任意位置（尺寸相同）</translation>
    </message>
    <message>
        <source>shearing along both axes: albumentations combines the two shears in one matrix, augview multiplies two elementary shears (slightly different shapes)</source>
        <translation>沿两个轴同时错切：albumentations 把两个错切合成一个矩阵，augview 则相乘两个基本错切（形状略有不同）</translation>
    </message>
    <message>
        <source>keep_aspect off (separate width and height factors) has no albumentations counterpart; RandomScale keeps the aspect ratio</source>
        <translation>关闭 keep_aspect（宽高分别缩放）在 albumentations 中没有对应项；RandomScale 会保持宽高比</translation>
    </message>
    <message>
        <source>pad_mode &apos;pixels&apos; with position &apos;random&apos; has no albumentations counterpart</source>
        <translation>pad_mode &apos;pixels&apos; 配合 position &apos;random&apos; 在 albumentations 中没有对应项</translation>
    </message>
    <message>
        <source>contrast pivot &apos;mid_grey&apos;: albumentations scales contrast around 0 (alpha * x + beta), which also changes the brightness</source>
        <translation>对比度支点 &apos;mid_grey&apos;：albumentations 以 0 为中心缩放对比度（alpha * x + beta），这也会改变亮度</translation>
    </message>
    <message>
        <source>contrast pivot &apos;mean&apos; becomes ColorJitter&apos;s contrast then RandomBrightnessContrast&apos;s brightness: pixels the contrast pushes past 0 or 255 are clipped in between</source>
        <translation>对比度支点 &apos;mean&apos; 转换为 ColorJitter 的对比度加 RandomBrightnessContrast 的亮度：对比度推到 0 以下或 255 以上的像素会在两者之间被截断</translation>
    </message>
    <message>
        <source>hue: albumentations turns uint8 hues in steps of 2 degrees, augview in steps of 1.4 degrees (up to 9 grey levels apart on a few percent of pixels)</source>
        <translation>色相：albumentations 以 2 度为步长旋转 uint8 色相，augview 以 1.4 度为步长（少数像素上最多相差 9 个灰度级）</translation>
    </message>
    <message>
        <source>threshold 256 (change nothing) becomes 255: albumentations still inverts pure white</source>
        <translation>阈值 256（不做任何改变）变为 255：albumentations 仍会反转纯白</translation>
    </message>
    <message>
        <source>factors below 1 (smoothing) have no albumentations counterpart; Sharpen only sharpens (a factor_limit from 1 up exports exactly)</source>
        <translation>小于 1 的系数（平滑）在 albumentations 中没有对应项；Sharpen 只能锐化（从 1 起的 factor_limit 可精确导出）</translation>
    </message>
    <message>
        <source>linear_light off: ShotNoise counts the photons in linear light (gamma 2.2), which gives the shadows more noise and the highlights less</source>
        <translation>关闭 linear_light：ShotNoise 在线性光（gamma 2.2）下计数光子，阴影处噪声更多、高光处更少</translation>
    </message>
    <message>
        <source>only the full range of quarter turns (turns_limit 0..3) has an albumentations counterpart, RandomRotate90</source>
        <translation>只有完整的四分之一圈范围（turns_limit 0..3）在 albumentations 中有对应项，即 RandomRotate90</translation>
    </message>
    <message>
        <source>albumentations 2.x&apos;s ISONoise departs from its documentation, which augview follows: its hue noise is 360 times weaker and its lightness noise gives rare strong specks instead of a fine grain</source>
        <translation>albumentations 2.x 的 ISONoise 与其文档不符（augview 遵循文档）：它的色相噪声弱 360 倍，明度噪声产生的是稀疏而强烈的亮斑，而不是细密的颗粒</translation>
    </message>
    <message>
        <source>RandomRain shifts each drop&apos;s lower end sideways by the slant in pixels (its documentation says degrees, as augview draws it): the same numbers lean drops shorter than 57 px more and longer ones less</source>
        <translation>RandomRain 按 slant 的像素数横向移动每个雨滴的下端（其文档说是角度，augview 也按角度抽取）：同样的数值下，短于 57 px 的雨滴倾斜得更多，更长的雨滴倾斜得更少</translation>
    </message>
    <message>
        <source>a flare region without width or height (roi_x or roi_y low = high) has no albumentations counterpart: RandomSunFlare wants low &lt; high</source>
        <translation>宽度或高度为零的光斑区域（roi_x 或 roi_y 的 low = high）在 albumentations 中没有对应项：RandomSunFlare 要求 low &lt; high</translation>
    </message>
    <message>
        <source>Erasing draws the aspect ratio uniformly (augview and torchvision: log-uniformly) and shrinks the box to fit instead of retrying</source>
        <translation>Erasing 均匀地抽取宽高比（augview 和 torchvision 是对数均匀），并缩小方框以适应图像而不是重新抽取</translation>
    </message>
    <message>
        <source>group {kind}</source>
        <translation>组 {kind}</translation>
    </message>
    <message>
        <source>{where}: {text}</source>
        <translation>{where}：{text}</translation>
    </message>
    <message>
        <source>learned/random policies have no albumentations counterpart (they are torchvision&apos;s)</source>
        <translation>学习得到的/随机的策略在 albumentations 中没有对应项（它们属于 torchvision）</translation>
    </message>
    <message>
        <source>no albumentations counterpart</source>
        <translation>在 albumentations 中没有对应项</translation>
    </message>
    <message>
        <source>{text}; left out</source>
        <translation>{text}；已略去</translation>
    </message>
    <message>
        <source>{param} {value} is outside augview&apos;s range {min}..{max}; clamped to {clamped}</source>
        <translation>{param} {value} 超出 augview 的范围 {min}..{max}；已限制为 {clamped}</translation>
    </message>
    <message>
        <source>must be an object with &apos;__class_fullname__&apos;</source>
        <translation>必须是带有 &apos;__class_fullname__&apos; 的对象</translation>
    </message>
    <message>
        <source>has no &apos;__class_fullname__&apos; (the transform&apos;s class name)</source>
        <translation>缺少 &apos;__class_fullname__&apos;（变换的类名）</translation>
    </message>
    <message>
        <source>p must be a probability between 0 and 1, got {value}</source>
        <translation>p 必须是 0 到 1 之间的概率，实际为 {value}</translation>
    </message>
    <message>
        <source>transforms must be a list</source>
        <translation>transforms 必须是列表</translation>
    </message>
    <message>
        <source>OneOrOther needs exactly two transforms</source>
        <translation>OneOrOther 需要恰好两个变换</translation>
    </message>
    <message>
        <source>{name} has an argument albumentations would refuse ({reason})</source>
        <translation>{name} 有一个 albumentations 会拒绝的参数（{reason}）</translation>
    </message>
    <message>
        <source>{key} ignored: no augview counterpart</source>
        <translation>已忽略 {key}：在 augview 中没有对应项</translation>
    </message>
    <message>
        <source>n must be a count, got {value}</source>
        <translation>n 必须是个数，实际为 {value}</translation>
    </message>
    <message>
        <source>is not an albumentations pipeline: expected an object with &apos;transform&apos;, as albumentations.save writes</source>
        <translation>不是 albumentations 流水线：应为带有 &apos;transform&apos; 的对象，即 albumentations.save 写出的格式</translation>
    </message>
    <message>
        <source>{key} must be a number, got {value}</source>
        <translation>{key} 必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <source>is not valid JSON: it holds a number too long to read (over 4300 digits)</source>
        <translation>不是有效的 JSON：其中的数字过长，无法读取（超过 4300 位）</translation>
    </message>
    <message>
        <source>{path}:{line}: not valid JSON ({reason}: line {line} column {column})</source>
        <translation>{path}:{line}：不是有效的 JSON（{reason}：第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <source>{path}: holds a number too long to read (over 4300 digits)</source>
        <translation>{path}：其中的数字过长，无法读取（超过 4300 位）</translation>
    </message>
    <message>
        <source>{key} {value} is not an OpenCV interpolation flag</source>
        <translation>{key} {value} 不是 OpenCV 插值标志</translation>
    </message>
    <message>
        <source>{key} {value} is not an OpenCV border flag</source>
        <translation>{key} {value} 不是 OpenCV 边界标志</translation>
    </message>
    <message>
        <source>{key} must be one of {options}, got {value}</source>
        <translation>{key} 必须是 {options} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>{key} {values} per channel: augview fills with one grey level, used the first</source>
        <translation>{key} {values} 按通道给出：augview 只用一个灰度值填充，已使用第一个</translation>
    </message>
    <message>
        <source>{key}={value} ignored: {why}</source>
        <translation>已忽略 {key}={value}：{why}</translation>
    </message>
    <message>
        <source>fill &apos;{value}&apos; has no augview counterpart: used random pixels</source>
        <translation>fill &apos;{value}&apos; 在 augview 中没有对应项：已使用随机像素</translation>
    </message>
    <message>
        <source>fill &apos;{value}&apos; has no augview counterpart: used black</source>
        <translation>fill &apos;{value}&apos; 在 augview 中没有对应项：已使用黑色</translation>
    </message>
    <message>
        <source>separate x and y zoom: augview draws one zoom for both axes (the x range)</source>
        <translation>x 和 y 分别缩放：augview 为两个轴抽取同一个缩放值（使用 x 的范围）</translation>
    </message>
    <message>
        <source>augview keeps the input size</source>
        <translation>augview 保持输入尺寸</translation>
    </message>
    <message>
        <source>augview draws the zoom uniformly</source>
        <translation>augview 均匀地抽取缩放值</translation>
    </message>
    <message>
        <source>augview clamps a crop to the image; put a pad step first</source>
        <translation>augview 会把裁剪限制在图像之内；请先加一个 pad 步骤</translation>
    </message>
    <message>
        <source>position &apos;{value}&apos; has no augview counterpart: used &apos;center&apos;</source>
        <translation>position &apos;{value}&apos; 在 augview 中没有对应项：已使用 &apos;center&apos;</translation>
    </message>
    <message>
        <source>divisors {height} and {width} differ: augview uses one for both sides, used {used}</source>
        <translation>除数 {height} 和 {width} 不同：augview 对两边使用同一个除数，已使用 {used}</translation>
    </message>
    <message>
        <source>padding {sides} is not the same on every side; augview pads evenly</source>
        <translation>padding {sides} 各边不相同；augview 只能各边均匀填充</translation>
    </message>
    <message>
        <source>augview adds brightness as a fraction of 255, not of the mean</source>
        <translation>augview 按 255 的比例增加亮度，而不是按均值的比例</translation>
    </message>
    <message>
        <source>augview saturates at 0 and 255 instead</source>
        <translation>augview 改为在 0 和 255 处截断</translation>
    </message>
    <message>
        <source>method &apos;{value}&apos;: augview uses the weighted average (luma)</source>
        <translation>method &apos;{value}&apos;：augview 使用加权平均（亮度）</translation>
    </message>
    <message>
        <source>num_output_channels ignored: augview keeps three equal channels</source>
        <translation>已忽略 num_output_channels：augview 保留三个相同的通道</translation>
    </message>
    <message>
        <source>tile_grid_size {value}: augview uses a square grid, used {used}</source>
        <translation>tile_grid_size {value}：augview 使用正方形网格，已使用 {used}</translation>
    </message>
    <message>
        <source>method &apos;cdf&apos;: augview stretches linearly like PIL (method &apos;pil&apos;)</source>
        <translation>method &apos;cdf&apos;：augview 像 PIL 一样线性拉伸（method &apos;pil&apos;）</translation>
    </message>
    <message>
        <source>ignore ignored: augview counts every grey level</source>
        <translation>已忽略 ignore：augview 统计每个灰度级</translation>
    </message>
    <message>
        <source>one bit range per channel: augview uses one for all, used the first</source>
        <translation>每个通道各有一个位数范围：augview 所有通道共用一个，已使用第一个</translation>
    </message>
    <message>
        <source>method &apos;gaussian&apos; (unsharp mask) approximated by PIL&apos;s sharpness with factor 1 + alpha</source>
        <translation>method &apos;gaussian&apos;（USM 锐化）用 PIL 的锐度近似，系数为 1 + alpha</translation>
    </message>
    <message>
        <source>lightness ignored: augview&apos;s sharpness keeps the brightness (lightness 1)</source>
        <translation>已忽略 lightness：augview 的锐度保持亮度不变（lightness 1）</translation>
    </message>
    <message>
        <source>mean_range {value}: augview adds a fixed mean, used the middle</source>
        <translation>mean_range {value}：augview 加的是固定均值，已使用中间值</translation>
    </message>
    <message>
        <source>noise_scale_factor ignored: augview draws full-resolution noise</source>
        <translation>已忽略 noise_scale_factor：augview 生成全分辨率噪声</translation>
    </message>
    <message>
        <source>compression_type &apos;{value}&apos;: augview compresses as JPEG</source>
        <translation>compression_type &apos;{value}&apos;：augview 按 JPEG 压缩</translation>
    </message>
    <message>
        <source>blur_limit ignored: augview derives the kernel size from sigma (3 sigmas each side)</source>
        <translation>已忽略 blur_limit：augview 由 sigma 推出核大小（每侧 3 个 sigma）</translation>
    </message>
    <message>
        <source>augview keeps the streak centred on each pixel</source>
        <translation>augview 让拖影以每个像素为中心</translation>
    </message>
    <message>
        <source>noise_distribution &apos;gaussian&apos;: augview smooths uniform noise, as Simard et al. do</source>
        <translation>noise_distribution &apos;gaussian&apos;：augview 像 Simard 等人那样平滑均匀噪声</translation>
    </message>
    <message>
        <source>augview always uses the exact smoothing</source>
        <translation>augview 总是使用精确平滑</translation>
    </message>
    <message>
        <source>augview draws separate x and y fields</source>
        <translation>augview 分别生成 x 和 y 位移场</translation>
    </message>
    <message>
        <source>{key} must be [x_min, y_min, x_max, y_max], got {value}</source>
        <translation>{key} 必须是 [x_min, y_min, x_max, y_max]，实际为 {value}</translation>
    </message>
    <message>
        <source>drop_color {values}: augview&apos;s drops are grey, used grey level {grey}</source>
        <translation>drop_color {values}：augview 的雨滴是灰色的，已使用灰度值 {grey}</translation>
    </message>
    <message>
        <source>method &apos;physics_based&apos; (diffraction spikes, chromatic aberration): augview draws the &apos;overlay&apos; flare</source>
        <translation>method &apos;physics_based&apos;（衍射星芒、色差）：augview 绘制的是 &apos;overlay&apos; 光斑</translation>
    </message>
    <message>
        <source>augview keeps the input size and fills the corners</source>
        <translation>augview 保持输入尺寸并填充四角</translation>
    </message>
    <message>
        <source>mask ignored: augview equalises the whole image</source>
        <translation>已忽略 mask：augview 对整幅图像做均衡化</translation>
    </message>
    <message>
        <source>interpolation &apos;{name}&apos; has no torchvision tensor counterpart; used {used} with antialiasing</source>
        <translation>插值 &apos;{name}&apos; 在 torchvision 张量中没有对应项；已使用 {used} 并开启抗锯齿</translation>
    </message>
    <message>
        <source>interpolation &apos;{name}&apos; has no torchvision tensor counterpart; used {used}</source>
        <translation>插值 &apos;{name}&apos; 在 torchvision 张量中没有对应项；已使用 {used}</translation>
    </message>
    <message>
        <source>border_mode &apos;{mode}&apos;: torchvision fills the uncovered area with a constant</source>
        <translation>border_mode &apos;{mode}&apos;：torchvision 用常量填充未覆盖的区域</translation>
    </message>
    <message>
        <source>sigma drawn from 5 evenly spaced values of {range} (torchvision takes one value)</source>
        <translation>sigma 从 {range} 中 5 个等间距的值里抽取（torchvision 只接受一个值）</translation>
    </message>
    <message>
        <source>sharpness factor drawn from 5 evenly spaced values of {range} (torchvision takes one value)</source>
        <translation>锐度系数从 {range} 中 5 个等间距的值里抽取（torchvision 只接受一个值）</translation>
    </message>
    <message>
        <source>per_channel off: torchvision&apos;s noise is independent in every channel</source>
        <translation>关闭 per_channel：torchvision 的噪声在每个通道中独立</translation>
    </message>
    <message>
        <source>{key} {range}: torchvision shifts symmetrically, used +-{used}</source>
        <translation>{key} {range}：torchvision 只能对称平移，已使用 +-{used}</translation>
    </message>
    <message>
        <source>shear with rotation: torchvision shears before rotating, augview after</source>
        <translation>错切加旋转：torchvision 先错切后旋转，augview 先旋转后错切</translation>
    </message>
    <message>
        <source>corner jitter: torchvision draws it uniformly; distortion_scale {scale} matches the mean</source>
        <translation>角点抖动：torchvision 均匀抽取；distortion_scale {scale} 与均值相符</translation>
    </message>
    <message>
        <source>keep_size off / fit_output: torchvision keeps the input size and crops</source>
        <translation>关闭 keep_size / fit_output：torchvision 保持输入尺寸并裁剪</translation>
    </message>
    <message>
        <source>brightness: torchvision multiplies (factor 1 + 2 * limit gives the same shift at mid-grey), augview adds a fraction of 255</source>
        <translation>亮度：torchvision 用乘法（系数 1 + 2 * limit 在中灰处得到相同的变化），augview 加上 255 的一个比例</translation>
    </message>
    <message>
        <source>contrast pivot &apos;{pivot}&apos;: torchvision scales around the mean grey</source>
        <translation>对比度支点 &apos;{pivot}&apos;：torchvision 以平均灰度为中心缩放</translation>
    </message>
    <message>
        <source>sigma 0 (no blur) becomes 0.01: torchvision needs a positive sigma</source>
        <translation>sigma 0（不模糊）变为 0.01：torchvision 需要正的 sigma</translation>
    </message>
    <message>
        <source>torchvision equalizes each channel like PIL (mode &apos;pil&apos;, by_channels on)</source>
        <translation>torchvision 像 PIL 一样逐通道均衡化（mode &apos;pil&apos;，by_channels 开启）</translation>
    </message>
    <message>
        <source>cutoff ignored: torchvision stretches from the darkest to the brightest pixel</source>
        <translation>已忽略 cutoff：torchvision 从最暗像素拉伸到最亮像素</translation>
    </message>
    <message>
        <source>torchvision&apos;s &apos;random&apos; fill draws N(0, 1) values, meant for normalised float images (augview: uniform 0..255)</source>
        <translation>torchvision 的 &apos;random&apos; 填充抽取 N(0, 1) 的值，适用于归一化的浮点图像（augview：0..255 均匀分布）</translation>
    </message>
    <message>
        <source>pixels: A {a} / B {b}, label: A only</source>
        <translation>像素：A {a} / B {b}，标签：仅 A</translation>
    </message>
    <message>
        <source>lambda={lam}, weights: A {a} / B {b}</source>
        <translation>lambda={lam}，权重：A {a} / B {b}</translation>
    </message>
    <message>
        <source>mosaic {rows}x{cols}, sources {sources}</source>
        <translation>mosaic {rows}x{cols}，来源 {sources}</translation>
    </message>
    <message>
        <source>a {rows}x{cols} grid needs an output of at least {rows}x{cols} pixels</source>
        <translation>{rows}x{cols} 网格要求输出至少为 {rows}x{cols} 像素</translation>
    </message>
    <message>
        <source>to {w}x{h}px</source>
        <translation>缩放至 {w}x{h}px</translation>
    </message>
    <message>
        <source>top {top}, bottom {bottom}, left {left}, right {right} px</source>
        <translation>上 {top}，下 {bottom}，左 {left}，右 {right} px</translation>
    </message>
    <message>
        <source>nothing erased (no box fitted in {attempts} tries)</source>
        <translation>未擦除（{attempts} 次尝试均未放下矩形框）</translation>
    </message>
    <message>
        <source>{w}x{h}px at ({x}, {y})</source>
        <translation>{w}x{h}px，位于 ({x}, {y})</translation>
    </message>
    <message>
        <source>{folder}: cannot create the output folder ({reason})</source>
        <translation>{folder}：无法创建输出文件夹（{reason}）</translation>
    </message>
    <message>
        <source>upper bound: these flips, transposes and quarter turns reach {reachable} orientations, not {combinations}, so some combinations repeat</source>
        <translation>上限：这些翻转、转置和四分之一旋转只能得到 {reachable} 种朝向，而不是 {combinations} 种，因此有些组合会重复</translation>
    </message>
    <message>
        <source>weights {weights}</source>
        <translation>权重 {weights}</translation>
    </message>
    <message>
        <source>x{low}..{high} per pixel</source>
        <translation>每个像素 x{low}..{high}</translation>
    </message>
    <message>
        <source>x{low}..{high} per pixel and channel</source>
        <translation>每个像素和通道 x{low}..{high}</translation>
    </message>
    <message>
        <source>k={k} (barrel)</source>
        <translation>k={k}（桶形）</translation>
    </message>
    <message>
        <source>k={k} (pincushion)</source>
        <translation>k={k}（枕形）</translation>
    </message>
    <message>
        <source>nothing fired</source>
        <translation>没有操作生效</translation>
    </message>
    <message>
        <source>±{pct}% of the height</source>
        <translation>高度的 ±{pct}%</translation>
    </message>
    <message>
        <source>±{pct}% of the width</source>
        <translation>宽度的 ±{pct}%</translation>
    </message>
    <message>
        <source>factor 1±{value}</source>
        <translation>系数 1±{value}</translation>
    </message>
    <message>
        <source>{value} bits</source>
        <translation>{value} 位</translation>
    </message>
    <message>
        <source>invert &gt;= {threshold}</source>
        <translation>反转 &gt;= {threshold} 的像素</translation>
    </message>
    <message>
        <source>{op} p={p} bin {bin} ({meaning})</source>
        <translation>{op} p={p} 强度档位 {bin}（{meaning}）</translation>
    </message>
    <message>
        <source>{first}, then {next}</source>
        <translation>{first}，然后 {next}</translation>
    </message>
    <message>
        <source>orig {weight}: {chains}</source>
        <translation>原图 {weight}：{chains}</translation>
    </message>
    <message>
        <source>{n}x{n} cells, stretch {low}-{high}</source>
        <translation>{n}x{n} 格，拉伸 {low}-{high}</translation>
    </message>
    <message>
        <source>{n} shadow</source>
        <translation>{n} 个阴影</translation>
    </message>
    <message>
        <source>{n} shadows</source>
        <translation>{n} 个阴影</translation>
    </message>
    <message>
        <source>{shadows}, {percents} darker</source>
        <translation>{shadows}，变暗 {percents}</translation>
    </message>
    <message>
        <source>fog {coef}</source>
        <translation>雾 {coef}</translation>
    </message>
    <message>
        <source>{n} drop</source>
        <translation>{n} 个雨滴</translation>
    </message>
    <message>
        <source>{n} drops</source>
        <translation>{n} 个雨滴</translation>
    </message>
    <message>
        <source>{drops}, slant {slant}°</source>
        <translation>{drops}，倾斜 {slant}°</translation>
    </message>
    <message>
        <source>{n} circle</source>
        <translation>{n} 个圆圈</translation>
    </message>
    <message>
        <source>{n} circles</source>
        <translation>{n} 个圆圈</translation>
    </message>
    <message>
        <source>flare at ({x}, {y}), {circles}</source>
        <translation>光斑位于 ({x}, {y})，{circles}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，实际为 {value}</translation>
    </message>
    <message>
        <source>must be one of {options}, got {value}</source>
        <translation>必须是 {options} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a [low, high] pair, got {value}</source>
        <translation>必须是 [low, high] 数对，实际为 {value}</translation>
    </message>
    <message>
        <source>low must not exceed high, got [{low}, {high}]</source>
        <translation>low 不能大于 high，实际为 [{low}, {high}]</translation>
    </message>
    <message>
        <source>must be a number, got {value}</source>
        <translation>必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <source>must be an integer, got {value}</source>
        <translation>必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限的数字，实际为 {value}</translation>
    </message>
    <message>
        <source>must be between {min} and {max}, got {value}</source>
        <translation>必须在 {min} 到 {max} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>a preset must be a JSON object, got {kind}</source>
        <translation>预设必须是 JSON 对象，实际为{kind}</translation>
    </message>
    <message>
        <source>is an albumentations pipeline, not an augview preset: convert it with `augview import FILE -o preset.json` (or open it in the window)</source>
        <translation>是 albumentations 流水线，不是 augview 预设：请用 `augview import FILE -o preset.json` 转换（或在窗口中打开它）</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>missing (this program writes {version})</source>
        <translation>缺失（本程序写入的是 {version}）</translation>
    </message>
    <message>
        <source>must be a positive integer, got {value}</source>
        <translation>必须是正整数，实际为 {value}</translation>
    </message>
    <message>
        <source>is {version}, written by a newer augview; this version reads up to {supported}</source>
        <translation>为 {version}，由更新版本的 augview 写入；此版本最高只能读取 {supported}</translation>
    </message>
    <message>
        <source>must be a string, got {value}</source>
        <translation>必须是字符串，实际为 {value}</translation>
    </message>
    <message>
        <source>contains a character that is not valid Unicode (a lone surrogate escape)</source>
        <translation>包含无效的 Unicode 字符（单独的代理项转义）</translation>
    </message>
    <message>
        <source>must be an integer between 0 and {max}, got {value}</source>
        <translation>必须是 0 到 {max} 之间的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a list, got {kind}</source>
        <translation>必须是列表，实际为{kind}</translation>
    </message>
    <message>
        <source>too many steps (more than {max})</source>
        <translation>步骤过多（超过 {max} 个）</translation>
    </message>
    <message>
        <source>must be an object with &apos;op&apos; or &apos;group&apos;, got {kind}</source>
        <translation>必须是带有 &apos;op&apos; 或 &apos;group&apos; 的对象，实际为{kind}</translation>
    </message>
    <message>
        <source>must be a probability between 0 and 1, got {value}</source>
        <translation>必须是 0 到 1 之间的概率，实际为 {value}</translation>
    </message>
    <message>
        <source>has both &apos;op&apos; and &apos;group&apos;; a node is one or the other</source>
        <translation>同时含有 &apos;op&apos; 和 &apos;group&apos;；一个节点只能是其中之一</translation>
    </message>
    <message>
        <source>needs an &apos;op&apos; (a step) or a &apos;group&apos; (a container)</source>
        <translation>需要 &apos;op&apos;（步骤）或 &apos;group&apos;（容器）</translation>
    </message>
    <message>
        <source>unknown op {name}{hint}</source>
        <translation>未知的操作 {name}{hint}</translation>
    </message>
    <message>
        <source>must be an object, got {kind}</source>
        <translation>必须是对象，实际为{kind}</translation>
    </message>
    <message>
        <source>unknown parameter of {op}</source>
        <translation>不是 {op} 的参数</translation>
    </message>
    <message>
        <source>is out of range, got {value}</source>
        <translation>超出范围，实际为 {value}</translation>
    </message>
    <message>
        <source>does not apply to {kind}</source>
        <translation>不适用于 {kind}</translation>
    </message>
    <message>
        <source>groups are nested more than {max} deep</source>
        <translation>组的嵌套超过 {max} 层</translation>
    </message>
    <message>
        <source>must be {count} non-negative numbers, one per step, got {value}</source>
        <translation>必须是 {count} 个非负数，每个步骤一个，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a count or a [low, high] pair of counts, got {value}</source>
        <translation>必须是个数或由个数组成的 [low, high] 数对，实际为 {value}</translation>
    </message>
    <message>
        <source>is {size} bytes; a preset is at most {max}</source>
        <translation>大小为 {size} 字节；预设最多 {max} 字节</translation>
    </message>
    <message>
        <source>is more than {max} bytes, the most a preset may be</source>
        <translation>超过 {max} 字节，即预设的大小上限</translation>
    </message>
    <message>
        <source>is a folder, not a preset file</source>
        <translation>是文件夹，不是预设文件</translation>
    </message>
    <message>
        <source>is not UTF-8 text (byte {byte} at offset {offset})</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>不是有效的 JSON：第 {line} 行第 {column} 列，{reason}</translation>
    </message>
    <message>
        <source>is nested too deeply to be a preset</source>
        <translation>嵌套过深，不可能是预设</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source> (did you mean {name}?)</source>
        <translation>（是否指 {name}？）</translation>
    </message>
    <message>
        <source>expected a numpy array, got {type}</source>
        <translation>需要 numpy 数组，实际为 {type}</translation>
    </message>
    <message>
        <source>expected a uint8 image, got dtype {dtype}</source>
        <translation>需要 uint8 图像，实际 dtype 为 {dtype}</translation>
    </message>
    <message>
        <source>expected shape (H, W) or (H, W, 3), got (H, W, 1): squeeze the last axis</source>
        <translation>需要形状 (H, W) 或 (H, W, 3)，实际为 (H, W, 1)：请去掉最后一个轴（squeeze）</translation>
    </message>
    <message>
        <source>expected shape (H, W) or (H, W, 3), got {shape}</source>
        <translation>需要形状 (H, W) 或 (H, W, 3)，实际为 {shape}</translation>
    </message>
    <message>
        <source>expected a non-empty image, got shape {shape}</source>
        <translation>需要非空图像，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>(nothing fired)</source>
        <translation>（没有操作生效）</translation>
    </message>
    <message>
        <source>all ranges at middle: {label}</source>
        <translation>所有范围取中间值: {label}</translation>
    </message>
    <message>
        <source>all ranges at min: {label}</source>
        <translation>所有范围取最小值: {label}</translation>
    </message>
    <message>
        <source>all ranges at max: {label}</source>
        <translation>所有范围取最大值: {label}</translation>
    </message>
    <message>
        <source>as configured (no ranges): {label}</source>
        <translation>按当前设置（没有范围参数）: {label}</translation>
    </message>
    <message>
        <source>random, seed {seed}: {label}</source>
        <translation>随机，种子 {seed}: {label}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>probability that this step runs</source>
        <translation>此步骤执行的概率</translation>
    </message>
    <message>
        <source>how many children run</source>
        <translation>执行多少个子步骤</translation>
    </message>
    <message>
        <source>relative chance that one_of picks this step</source>
        <translation>one_of 选中此步骤的相对几率</translation>
    </message>
    <message>
        <source>geometric</source>
        <translation>几何</translation>
    </message>
    <message>
        <source>color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Scales, shifts, rotates and shears the image in one resampling, about its centre; the area that comes into view is filled by the border mode. Doing all four at once is faster and sharper than chaining them. Mild values (scale 0.9-1.1, shift a few percent, a dozen degrees) teach a model that position and size do not change the class; strong shear or zoom-out creates shapes and empty borders that real data never has.</source>
        <translation>在一次重采样中围绕图像中心完成缩放、平移、旋转和错切；新露出的区域按边界模式填充。四种变换一次完成，比逐个串联更快，也更清晰。温和的取值（缩放 0.9-1.1、平移几个百分点、十几度的旋转）能让模型学到位置和大小不改变类别；强烈的错切或缩小则会产生真实数据中从不出现的形状和空白边框。</translation>
    </message>
    <message>
        <source>zoom factor; below 1 shrinks the content</source>
        <translation>缩放倍数；小于 1 时内容缩小</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>horizontal shift as a fraction of the width (positive: right)</source>
        <translation>水平平移量，占宽度的比例（正值：向右）</translation>
    </message>
    <message>
        <source>vertical shift as a fraction of the height (positive: down)</source>
        <translation>垂直平移量，占高度的比例（正值：向下）</translation>
    </message>
    <message>
        <source>counter-clockwise angle</source>
        <translation>逆时针角度</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>horizontal shear angle (positive: leans right, like italic type)</source>
        <translation>水平错切角（正值：向右倾斜，像斜体字）</translation>
    </message>
    <message>
        <source>vertical shear angle (positive: the right side rises)</source>
        <translation>垂直错切角（正值：右侧上升）</translation>
    </message>
    <message>
        <source>how new pixels are computed</source>
        <translation>新像素的计算方式</translation>
    </message>
    <message>
        <source>what fills the area outside the image</source>
        <translation>图像外部区域的填充方式</translation>
    </message>
    <message>
        <source>grey level used by the constant border</source>
        <translation>常量边界使用的灰度值</translation>
    </message>
    <message>
        <source>AugMix (Hendrycks et al. 2020): builds several short chains of random operations, then blends their results with the original using random Dirichlet/Beta weights. The output stays close to the original while covering many variations, which improves robustness to corruptions and calibration. The blend looks ghosted where geometric ops disagree; the paper also pairs it with a consistency loss that this step alone does not provide.</source>
        <translation>AugMix（Hendrycks 等，2020）：构建若干条由随机操作组成的短链，再用随机的 Dirichlet/Beta 权重把它们的结果与原图混合。输出与原图保持接近，同时覆盖大量变化，可以提升模型对图像损坏的鲁棒性和置信度校准。几何操作彼此不一致的地方，混合结果会出现重影；论文还把它与一致性损失配合使用，而单靠这一步并不提供这种损失。</translation>
    </message>
    <message>
        <source>strength: bins drawn from 0..severity-1 of 10</source>
        <translation>强度：从 10 档中的 0..severity-1 档抽取</translation>
    </message>
    <message>
        <source>number of augmentation chains blended</source>
        <translation>参与混合的增强链条数</translation>
    </message>
    <message>
        <source>operations per chain; -1 or 0: random 1..3</source>
        <translation>每条链的操作数；-1 或 0：随机取 1..3</translation>
    </message>
    <message>
        <source>Dirichlet/Beta concentration of the mixing weights</source>
        <translation>混合权重的 Dirichlet/Beta 集中度参数</translation>
    </message>
    <message>
        <source>also use brightness, colour, contrast and sharpness</source>
        <translation>同时使用亮度、色彩、对比度和锐度操作</translation>
    </message>
    <message>
        <source>grey level of the area uncovered by geometric ops</source>
        <translation>几何操作露出区域的灰度值</translation>
    </message>
    <message>
        <source>AutoAugment (Cubuk et al. 2019): one of 25 sub-policies, found by a search on ImageNet, CIFAR-10 or SVHN, is picked per image; each of its two operations (rotate, shear, posterize, equalize, colour...) then fires with its own probability and strength. A strong, proven recipe for classifiers trained from scratch; the policies were tuned for those datasets, so on detection, medical or text images they may distort what matters. Inspect the sub-policies before relying on them.</source>
        <translation>AutoAugment（Cubuk 等，2019）：每张图像从 25 个子策略中随机选取一个，这些子策略是在 ImageNet、CIFAR-10 或 SVHN 上搜索得到的；子策略中的两个操作（旋转、错切、色调分离、均衡化、色彩……）各自按自己的概率和强度执行。这是从头训练分类器时强大且久经验证的方案；但这些策略是针对上述数据集调出来的，用在检测、医学或文字图像上可能会扭曲关键信息。使用之前请先查看各个子策略。</translation>
    </message>
    <message>
        <source>the published policy: imagenet, cifar10 or svhn</source>
        <translation>使用的已发表策略：imagenet、cifar10 或 svhn</translation>
    </message>
    <message>
        <source>grey level of the area uncovered by shear, translate and rotate</source>
        <translation>错切、平移和旋转露出区域的灰度值</translation>
    </message>
    <message>
        <source>Stretches each channel so its darkest pixel becomes 0 and its brightest 255 (like PIL.ImageOps.autocontrast). With a cutoff, that percentage of the darkest and brightest pixels is ignored first, so a few specks cannot block the stretch. A mild, content-preserving fix for faded or underexposed images, used by AutoAugment; already well-exposed images barely change. Per-channel stretching can shift colour casts.</source>
        <translation>拉伸每个通道，使最暗的像素变为 0、最亮的变为 255（同 PIL.ImageOps.autocontrast）。设置 cutoff 时，先忽略该百分比的最暗和最亮像素，少数杂点就不会妨碍拉伸。这是一种温和、不改变内容的修正，适合褪色或曝光不足的图像，AutoAugment 也用到它；曝光良好的图像几乎不变。逐通道拉伸可能改变偏色。</translation>
    </message>
    <message>
        <source>percent of pixels ignored at each end of every channel&apos;s histogram</source>
        <translation>每个通道直方图两端各忽略的像素百分比</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Cuts a random window that still holds every box (albumentations&apos; BBoxSafeRandomCrop): each side of the window lands somewhere between the image&apos;s edge and the nearest box. Detection models learn scale and position variety without the crop silently cutting objects in half or dropping them. The window&apos;s size varies, so follow it with a resize for a fixed input size. With no boxes it crops around a random point.</source>
        <translation>随机裁出一个仍包含所有框的窗口（即 albumentations 的 BBoxSafeRandomCrop）：窗口每条边落在图像边缘与最近的框之间的某处。检测模型由此学到尺度和位置的变化，而裁剪不会悄悄把物体切成两半或丢掉。窗口大小不固定，若需要固定输入尺寸，请在其后接一个缩放。没有框时，围绕一个随机点裁剪。</translation>
    </message>
    <message>
        <source>share of the boxes&apos; union the window may cut into (0: never cuts a box)</source>
        <translation>窗口可以切入所有框并集的比例（0：从不切到框）</translation>
    </message>
    <message>
        <source>how far each side may move from the boxes towards the image&apos;s edge (1: all the way; 0: the window hugs the boxes)</source>
        <translation>每条边可从框向图像边缘移动多远（1：一直到边缘；0：窗口紧贴框）</translation>
    </message>
    <message>
        <source>Makes the image lighter or darker and stretches or flattens its tones, like exposure and contrast sliders. Brightness adds a fraction of full white (0.2 = +51 levels); contrast scales the distance of every pixel from a pivot, by default the image&apos;s mean grey so the overall brightness stays put. Teaches robustness to lighting and camera exposure; too much crushes shadows and highlights into flat black or white, destroying detail.</source>
        <translation>让图像变亮或变暗，并拉开或压平色调，就像曝光和对比度滑块。亮度加上满白的一个比例（0.2 = +51 个灰阶）；对比度把每个像素到某个支点的距离按比例缩放，支点默认是图像的平均灰度，因此整体亮度保持不变。能让模型适应光照和相机曝光的变化；调整过度会把暗部和高光压成一片纯黑或纯白，毁掉细节。</translation>
    </message>
    <message>
        <source>added brightness as a fraction of 255 (albumentations semantics)</source>
        <translation>增加的亮度，以 255 的比例表示（albumentations 语义）</translation>
    </message>
    <message>
        <source>contrast factor is 1 + this value: -1 gives a flat grey, 1 doubles contrast</source>
        <translation>对比度系数为 1 + 该值：-1 得到一片平灰，1 使对比度加倍</translation>
    </message>
    <message>
        <source>the grey level contrast scales around: the image&apos;s mean grey (like torchvision), 127.5, or 0 (albumentations&apos; alpha * x + beta)</source>
        <translation>对比度缩放所围绕的灰度：图像平均灰度（同 torchvision）、127.5，或 0（albumentations 的 alpha * x + beta）</translation>
    </message>
    <message>
        <source>Keeps the middle of the image and drops the margins; nothing random. It is the standard evaluation crop and removes borders, watermarks or black bars. It cuts away objects near the edges, so check that the label still holds. A crop larger than the image is clamped to the image&apos;s side.</source>
        <translation>保留图像中间部分、去掉四周边缘，没有随机性。这是标准的评估裁剪，可以去除边框、水印或黑边。它会切掉靠近边缘的物体，因此要确认标签依然成立。大于图像的裁剪尺寸会被限制为图像的边长。</translation>
    </message>
    <message>
        <source>give the crop size in pixels, or as a fraction of each side</source>
        <translation>以像素或各边的比例指定裁剪尺寸</translation>
    </message>
    <message>
        <source>crop height in pixels mode; clamped to the image</source>
        <translation>像素模式下的裁剪高度；不超过图像高度</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>translate_x</source>
        <translation>水平平移</translation>
    </message>
    <message>
        <source>translate_y</source>
        <translation>垂直平移</translation>
    </message>
    <message>
        <source>rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>shear_x</source>
        <translation>水平错切</translation>
    </message>
    <message>
        <source>shear_y</source>
        <translation>垂直错切</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>三次</translation>
    </message>
    <message>
        <source>area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>lanczos</source>
        <translation>Lanczos</translation>
    </message>
    <message>
        <source>border_mode</source>
        <translation>边界模式</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>反射</translation>
    </message>
    <message>
        <source>reflect_101</source>
        <translation>反射（不含边缘）</translation>
    </message>
    <message>
        <source>replicate</source>
        <translation>复制边缘</translation>
    </message>
    <message>
        <source>wrap</source>
        <translation>环绕</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>填充灰度</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>强度上限</translation>
    </message>
    <message>
        <source>mixture_width</source>
        <translation>混合链数</translation>
    </message>
    <message>
        <source>chain_depth</source>
        <translation>链深度</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>all_ops</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>imagenet</source>
        <translation>ImageNet</translation>
    </message>
    <message>
        <source>cifar10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>svhn</source>
        <translation>SVHN</translation>
    </message>
    <message>
        <source>cutoff</source>
        <translation>截断比例</translation>
    </message>
    <message>
        <source>erosion</source>
        <translation>侵入比例</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>外扩程度</translation>
    </message>
    <message>
        <source>Replaces each pixel by the plain average of its square neighbourhood (albumentations&apos; Blur), the cheapest blur there is. Every neighbour counts the same, so edges soften into a ramp and a bright dot becomes a small square, less natural than a gaussian blur&apos;s round glow. Use it like gaussian_blur, to make a model rely on shapes rather than fine texture; large kernels erase small objects and text.</source>
        <translation>把每个像素替换为其方形邻域的简单平均（albumentations 的 Blur），是最廉价的模糊。每个邻居的权重相同，所以边缘变成一段斜坡，一个亮点变成一个小方块，不如高斯模糊的圆形光晕自然。用法与 gaussian_blur 相同，让模型依赖形状而不是细小的纹理；大卷积核会抹掉小物体和文字。</translation>
    </message>
    <message>
        <source>side of the averaged square in pixels (odd sizes only)</source>
        <translation>参与平均的正方形边长（像素，只取奇数）</translation>
    </message>
    <message>
        <source>ksize_limit</source>
        <translation>核大小范围</translation>
    </message>
    <message>
        <source>brightness_limit</source>
        <translation>亮度范围</translation>
    </message>
    <message>
        <source>contrast_limit</source>
        <translation>对比度范围</translation>
    </message>
    <message>
        <source>contrast_pivot</source>
        <translation>对比度支点</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>mid_grey</source>
        <translation>中灰</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <source>size_mode</source>
        <translation>尺寸模式</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>crop width in pixels mode; clamped to the image</source>
        <translation>像素模式下的裁剪宽度；不超过图像宽度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>fraction mode: each side of the crop is this fraction of the image&apos;s side</source>
        <translation>比例模式：裁剪的每条边为图像对应边长的这一比例</translation>
    </message>
    <message>
        <source>Sets one (or more) randomly chosen colour channels to a fixed value, so a red flower on green leaves may lose its red entirely and turn dark or cyan. The model has to use every channel and cannot rely on a single one, which helps with multispectral images and with sensors whose channels fail or drift. Harmful when colour decides the label (ripe or unripe fruit, traffic lights). Greyscale input is unchanged.</source>
        <translation>把随机选中的一个（或多个）颜色通道设为固定值，于是绿叶上的红花可能完全失去红色，变暗或变成青色。模型必须利用每个通道，而不能只依赖其中一个，这对多光谱图像以及通道会失效或漂移的传感器很有帮助。当颜色决定标签时（水果熟没熟、交通信号灯）则有害。灰度输入保持不变。</translation>
    </message>
    <message>
        <source>how many of the three channels are dropped, drawn from this range</source>
        <translation>三个通道中被丢弃的通道数，从此范围中抽取</translation>
    </message>
    <message>
        <source>channels_limit</source>
        <translation>通道数范围</translation>
    </message>
    <message>
        <source>value the dropped channels are set to</source>
        <translation>被丢弃通道设置成的值</translation>
    </message>
    <message>
        <source>Reorders the red, green and blue channels at random (e.g. RGB becomes BRG), so colours swap wholesale: sky may turn red, grass blue. A strong way to stop a model leaning on colour when shape is what matters; useless or harmful when colour carries the label. Greyscale input is unchanged.</source>
        <translation>随机重排红、绿、蓝通道（例如 RGB 变成 BRG），颜色整体互换：天空可能变红，草地可能变蓝。当形状才是关键时，这是阻止模型依赖颜色的有力手段；当颜色本身决定标签时则无用甚至有害。灰度输入保持不变。</translation>
    </message>
    <message>
        <source>Contrast Limited Adaptive Histogram Equalisation: equalises each tile of a grid on its own, with a clip limit that caps how much any grey level may be boosted. Brings out local detail in shadows and highlights (X-rays, underwater and night images) where a global equalisation fails. High clip limits amplify noise and give a harsh, HDR-like look. Colour images are processed on the L channel of LAB.</source>
        <translation>对比度受限的自适应直方图均衡化（CLAHE）：把图像分成网格，对每个小块单独均衡化，并用裁剪上限限制任一灰度级被增强的幅度。在全局均衡化无能为力的场合（X 光片、水下和夜间图像），它能凸显暗部和高光中的局部细节。裁剪上限过高会放大噪声，带来生硬的、类似 HDR 的观感。彩色图像在 LAB 的 L 通道上处理。</translation>
    </message>
    <message>
        <source>contrast cap per tile; higher means stronger local contrast</source>
        <translation>每个小块的对比度上限；越高局部对比越强</translation>
    </message>
    <message>
        <source>clip_limit</source>
        <translation>裁剪阈值范围</translation>
    </message>
    <message>
        <source>the image is split into this many tiles across and down</source>
        <translation>图像在横向和纵向各分成这么多块</translation>
    </message>
    <message>
        <source>tile_grid_size</source>
        <translation>网格块数</translation>
    </message>
    <message>
        <source>Cuts a few rectangles of drawn size and position out of the image (Cutout). The model must recognise objects from their remaining parts, which makes it robust to occlusion. Holes that land on a small object can erase it completely while its label stays.</source>
        <translation>从图像中挖去几个大小和位置随机的矩形（Cutout）。模型必须根据物体剩余的部分识别它，因而对遮挡更鲁棒。孔洞恰好落在小物体上时可能把它完全抹掉，而标签却依然保留。</translation>
    </message>
    <message>
        <source>how many holes are cut</source>
        <translation>挖去的孔洞数量</translation>
    </message>
    <message>
        <source>num_holes_limit</source>
        <translation>孔洞数范围</translation>
    </message>
    <message>
        <source>height of each hole as a fraction of the image height</source>
        <translation>每个孔洞的高度，占图像高度的比例</translation>
    </message>
    <message>
        <source>hole_height_limit</source>
        <translation>孔洞高度范围</translation>
    </message>
    <message>
        <source>width of each hole as a fraction of the image width</source>
        <translation>每个孔洞的宽度，占图像宽度的比例</translation>
    </message>
    <message>
        <source>hole_width_limit</source>
        <translation>孔洞宽度范围</translation>
    </message>
    <message>
        <source>constant: one grey level; random: random pixels</source>
        <translation>constant：单一灰度；random：随机像素</translation>
    </message>
    <message>
        <source>fill_mode</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>grey level of the holes when the fill is constant</source>
        <translation>填充方式为 constant 时孔洞的灰度值</translation>
    </message>
    <message>
        <source>also write the holes into masks, with the pipeline&apos;s mask_fill label (off: masks keep the labels under the holes)</source>
        <translation>同时把孔洞写入掩码，使用流水线的 mask_fill 标签（关闭：掩码保留孔洞下的标签）</translation>
    </message>
    <message>
        <source>holes_in_mask</source>
        <translation>在掩码中挖孔</translation>
    </message>
    <message>
        <source>torchvision&apos;s ColorJitter: scales brightness, contrast and saturation by random factors (1 = unchanged) and rotates the hue, in a random order. The standard colour augmentation of ImageNet-style training; it makes a classifier rely less on exact colours and lighting. Keep hue small where colour is the label (ripe vs unripe fruit, traffic lights, medical stains): a large hue turn paints a red apple green.</source>
        <translation>torchvision 的 ColorJitter：以随机顺序按随机系数缩放亮度、对比度和饱和度（1 = 不变），并旋转色相。这是 ImageNet 式训练的标准颜色增强，能让分类器不那么依赖确切的颜色和光照。当颜色就是标签时（果实熟没熟、交通信号灯、医学染色），色相要保持很小：大幅旋转色相会把红苹果涂成绿色。</translation>
    </message>
    <message>
        <source>brightness factor: 0 is black, 1 unchanged</source>
        <translation>亮度系数：0 为全黑，1 不变</translation>
    </message>
    <message>
        <source>brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>contrast factor: 0 is flat mean grey, 1 unchanged</source>
        <translation>对比度系数：0 为平坦的平均灰，1 不变</translation>
    </message>
    <message>
        <source>contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>saturation factor: 0 is greyscale, 1 unchanged</source>
        <translation>饱和度系数：0 为灰度图，1 不变</translation>
    </message>
    <message>
        <source>saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>hue rotation as a fraction of the colour circle (0.5 = 180 degrees)</source>
        <translation>色相旋转量，以色环的比例表示（0.5 = 180 度）</translation>
    </message>
    <message>
        <source>turn</source>
        <translation>圈</translation>
    </message>
    <message>
        <source>hue</source>
        <translation>色相</translation>
    </message>
    <message>
        <source>Blurs the image the way an out-of-focus lens does: every point spreads into a small uniform disc instead of a soft bell, so highlights become round bokeh spots and edges get a hard-edged halo. Closer to a real camera than gaussian_blur; teaches a model to cope with missed focus. Large radii leave only the coarse shapes.</source>
        <translation>像失焦的镜头那样模糊图像：每个点扩散成一个均匀的小圆盘而不是柔和的钟形，所以高光变成圆形的焦外光斑，边缘带上轮廓分明的光晕。比 gaussian_blur 更接近真实相机；让模型学会应对对焦失误。半径很大时只剩下粗略的形状。</translation>
    </message>
    <message>
        <source>radius of the disc each point spreads into</source>
        <translation>每个点扩散成的圆盘的半径</translation>
    </message>
    <message>
        <source>radius_limit</source>
        <translation>半径范围</translation>
    </message>
    <message>
        <source>sigma of the small gaussian that softens the disc&apos;s edge</source>
        <translation>柔化圆盘边缘的小高斯核的 sigma</translation>
    </message>
    <message>
        <source>alias_blur_limit</source>
        <translation>抗锯齿模糊范围</translation>
    </message>
    <message>
        <source>Shrinks the image by a drawn factor and enlarges it back to its size, losing detail the way a low-resolution camera or a thumbnail does. Nearest interpolation leaves blocky pixels, linear or area leave blur. Helps a model cope with low-resolution inputs; strong factors erase small objects entirely.</source>
        <translation>先按随机系数缩小图像，再放大回原尺寸，像低分辨率相机或缩略图那样丢失细节。nearest 插值留下块状像素，linear 或 area 则留下模糊。有助于模型应对低分辨率输入；系数过强会把小物体完全抹掉。</translation>
    </message>
    <message>
        <source>side of the small image as a fraction of the original side</source>
        <translation>缩小后图像边长占原边长的比例</translation>
    </message>
    <message>
        <source>scale_limit</source>
        <translation>尺度范围</translation>
    </message>
    <message>
        <source>how the image is shrunk</source>
        <translation>缩小图像的方式</translation>
    </message>
    <message>
        <source>down_interpolation</source>
        <translation>缩小插值</translation>
    </message>
    <message>
        <source>how it is enlarged back</source>
        <translation>放大回原尺寸的方式</translation>
    </message>
    <message>
        <source>up_interpolation</source>
        <translation>放大插值</translation>
    </message>
    <message>
        <source>Pushes every pixel along a smooth random displacement field, like a picture printed on rubber (Simard et al., 2003). Sigma sets how smooth the waves are, alpha how far they move: the typical shift is about 0.16 * alpha / sigma pixels. Good for handwriting, cells and other soft, deformable shapes; on rigid objects, text lines or thin structures it invents wobbles that never occur.</source>
        <translation>沿一个平滑的随机位移场推动每个像素，就像印在橡皮上的图片（Simard 等，2003）。sigma 决定波纹的平滑程度，alpha 决定移动的距离：典型位移约为 0.16 * alpha / sigma 像素。适合手写字、细胞及其他柔软、可变形的形状；用在刚性物体、文本行或细长结构上，会造出现实中不会出现的扭动。</translation>
    </message>
    <message>
        <source>strength: scale of the displacement (about 0.16 * alpha / sigma px)</source>
        <translation>强度：位移的尺度（约 0.16 * alpha / sigma 像素）</translation>
    </message>
    <message>
        <source>smoothness: width of the Gaussian that smooths the random field</source>
        <translation>平滑度：平滑随机场所用高斯核的宽度</translation>
    </message>
    <message>
        <source>sigma</source>
        <translation>sigma</translation>
    </message>
    <message>
        <source>Makes edges stand out as a relief, as if the picture were pressed into metal and lit from the top left: one side of every edge gets brighter, the other darker, while flat areas keep their grey level. Alpha blends the relief with the original, strength sets how deep it is. A mild emboss mimics strong in-camera sharpening and lighting changes; strong values draw halos and amplify noise, a look real photos rarely have.</source>
        <translation>让边缘像浮雕一样凸显，仿佛图像被压进金属并从左上方打光：每条边缘一侧变亮、另一侧变暗，而平坦区域保持原来的灰度。alpha 把浮雕与原图混合，strength 决定浮雕的深度。轻微的浮雕模拟相机内的强锐化和光照变化；强烈的取值会画出光晕并放大噪声，这种样子在真实照片中很少见。</translation>
    </message>
    <message>
        <source>share of the relief in the blend: 0 keeps the image, 1 is pure relief</source>
        <translation>浮雕在混合中所占的比例：0 保持原图，1 为纯浮雕</translation>
    </message>
    <message>
        <source>alpha_limit</source>
        <translation>alpha 范围</translation>
    </message>
    <message>
        <source>depth of the relief</source>
        <translation>浮雕的深度</translation>
    </message>
    <message>
        <source>strength_limit</source>
        <translation>强度范围</translation>
    </message>
    <message>
        <source>Histogram equalisation: remaps grey levels so that each is used about equally often, which spreads the tones of a dull or hazy image over the full range. A fixed part of AutoAugment/RandAugment policies. Per channel (the default, like PIL) it can shift colours; on brightness only it keeps them. It also amplifies noise and compression artefacts in flat regions.</source>
        <translation>直方图均衡化：重新映射灰度级，使各灰度级的使用频率大致相同，从而把暗淡或朦胧图像的色调铺满整个范围。它是 AutoAugment/RandAugment 策略中的固定组成部分。逐通道处理（默认，同 PIL）可能改变颜色；只处理亮度则能保持颜色。它还会放大平坦区域中的噪声和压缩伪影。</translation>
    </message>
    <message>
        <source>equalise R, G and B separately; off: only the brightness (Y of YCrCb)</source>
        <translation>分别均衡化 R、G、B；关闭时只处理亮度（YCrCb 的 Y）</translation>
    </message>
    <message>
        <source>by_channels</source>
        <translation>按通道</translation>
    </message>
    <message>
        <source>PIL.ImageOps.equalize (torchvision, AutoAugment) or cv2.equalizeHist</source>
        <translation>PIL.ImageOps.equalize（torchvision、AutoAugment）或 cv2.equalizeHist</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>pil</source>
        <translation>PIL</translation>
    </message>
    <message>
        <source>cv</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <source>Bends the tone curve: out = 255 * (in / 255) ^ gamma. Gamma below 1 lifts the shadows, above 1 darkens them, while pure black and white stay fixed. Mimics different camera response curves and display settings more naturally than a brightness shift; strong values bury dark regions or wash them out.</source>
        <translation>弯曲色调曲线：out = 255 * (in / 255) ^ gamma。gamma 小于 1 提亮暗部，大于 1 压暗暗部，而纯黑和纯白保持不变。比单纯调整亮度更自然地模拟不同的相机响应曲线和显示设置；取值过强会让暗部淹没在黑暗中或被冲淡发白。</translation>
    </message>
    <message>
        <source>the exponent; 1 leaves the image unchanged (albumentations&apos; 80..120 / 100)</source>
        <translation>指数；1 时图像不变（即 albumentations 的 80..120 / 100）</translation>
    </message>
    <message>
        <source>gamma_limit</source>
        <translation>gamma 范围</translation>
    </message>
    <message>
        <source>Softens the image with a bell-shaped average of each pixel&apos;s neighbourhood, like a camera slightly out of focus. Teaches a model to rely on shapes rather than sharp texture; strong blur wipes out small objects and fine print. The kernel size follows from sigma (it spans three sigmas each side).</source>
        <translation>用钟形加权平均每个像素的邻域来柔化图像，就像相机轻微失焦。让模型依赖形状而不是锐利的纹理；强模糊会抹掉小物体和细小的文字。卷积核大小由 sigma 决定（每侧覆盖三个 sigma）。</translation>
    </message>
    <message>
        <source>width of the bell in pixels; larger is blurrier</source>
        <translation>钟形曲线的宽度（像素）；越大越模糊</translation>
    </message>
    <message>
        <source>sigma_limit</source>
        <translation>sigma 范围</translation>
    </message>
    <message>
        <source>Adds random grain drawn from a bell curve to every pixel, like sensor noise in a dim photo. A little teaches a model to ignore grain and not to trust single pixels; too much buries fine texture and small objects. Per channel gives coloured speckles, otherwise the grain is grey.</source>
        <translation>给每个像素加上服从钟形分布的随机颗粒，就像暗光照片里的传感器噪声。少量噪声能让模型学会忽略颗粒、不轻信单个像素；过多则会淹没精细纹理和小物体。逐通道时产生彩色斑点，否则颗粒是灰色的。</translation>
    </message>
    <message>
        <source>standard deviation of the noise in grey levels (0-255 scale)</source>
        <translation>噪声的标准差，以灰阶计（0-255 刻度）</translation>
    </message>
    <message>
        <source>std_limit</source>
        <translation>标准差范围</translation>
    </message>
    <message>
        <source>average of the noise in grey levels; non-zero also shifts brightness</source>
        <translation>噪声的均值，以灰阶计；非零时还会改变亮度</translation>
    </message>
    <message>
        <source>independent noise in each colour channel</source>
        <translation>每个颜色通道使用独立的噪声</translation>
    </message>
    <message>
        <source>per_channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>Looks at the image through frosted glass: a light gaussian blur, then every pixel swapped with a random neighbour up to max_delta pixels away (several rounds), then blurred again. Outlines survive but turn grainy and jittery. One of the ImageNet-C corruptions used to test robustness; strong settings destroy small text and texture.</source>
        <translation>像隔着磨砂玻璃看图像：先做轻微的高斯模糊，再把每个像素与最多 max_delta 像素以外的一个随机邻居交换（若干轮），然后再模糊一次。轮廓还在，但变得粗糙、抖动。这是用来测试鲁棒性的 ImageNet-C 损坏之一；强烈的设置会毁掉小字和纹理。</translation>
    </message>
    <message>
        <source>sigma of the gaussian blur before and after the swaps (0: none)</source>
        <translation>交换前后高斯模糊的 sigma（0：不模糊）</translation>
    </message>
    <message>
        <source>farthest a pixel can be swapped</source>
        <translation>像素最远可被交换的距离</translation>
    </message>
    <message>
        <source>max_delta</source>
        <translation>最大交换距离</translation>
    </message>
    <message>
        <source>rounds of swaps; each round costs as much as the first</source>
        <translation>交换的轮数；每一轮的开销与第一轮相同</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Removes colour, keeping the image&apos;s luminance (0.299 R + 0.587 G + 0.114 B) in all three channels so the shape stays RGB. Applied now and then, it forces a model to recognise objects by shape and texture too; wrong for tasks decided by colour. Greyscale input is unchanged.</source>
        <translation>去掉颜色，在三个通道中都保留图像的亮度（0.299 R + 0.587 G + 0.114 B），因此图像仍是 RGB 形状。偶尔使用可以迫使模型同样依靠形状和纹理识别物体；对由颜色决定的任务则不合适。灰度输入保持不变。</translation>
    </message>
    <message>
        <source>Cuts the image into a grid of columns and rows and randomly widens some and narrows others, so the content is locally stretched and squeezed while horizontal and vertical lines stay straight. Mimics lens distortion and uneven scanning; useful for medical images, documents and segmentation. Strong limits make faces and objects look lumpy.</source>
        <translation>把图像按行列切成网格，随机把一些行列拉宽、另一些压窄，使内容在局部被拉伸和挤压，而水平线和竖直线仍保持笔直。模拟镜头畸变和不均匀的扫描；适用于医学图像、文档和分割任务。限制值过大会让人脸和物体显得凹凸不平。</translation>
    </message>
    <message>
        <source>grid cells along each side</source>
        <translation>每条边上的网格单元数</translation>
    </message>
    <message>
        <source>num_steps</source>
        <translation>网格步数</translation>
    </message>
    <message>
        <source>each column and row is stretched by 1 + a value drawn from this range (drawn into the x_steps and y_steps lists)</source>
        <translation>每一行、每一列按 1 + 从该范围抽取的值进行拉伸（抽取结果存入 x_steps 和 y_steps 列表）</translation>
    </message>
    <message>
        <source>distort_limit</source>
        <translation>畸变范围</translation>
    </message>
    <message>
        <source>rescale the stretches so the whole image stays in view</source>
        <translation>重新缩放拉伸量，使整幅图像保持在视野内</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Blanks a regular grid of square holes (GridMask). Unlike random holes, a grid never leaves a large region untouched, so every part of an object loses some pixels. Ratio sets how much of each cell is dropped; a unit close to object size can erase whole small objects.</source>
        <translation>按规则网格挖去方形孔洞（GridMask）。与随机孔洞不同，网格不会留下大片完好的区域，所以物体的每个部分都会丢失一些像素。ratio 决定每个单元挖去多少；单元尺寸接近物体大小时，可能把整个小物体抹掉。</translation>
    </message>
    <message>
        <source>side of each hole as a fraction of the cell side</source>
        <translation>每个孔洞的边长，占单元边长的比例</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>side of one grid cell in pixels</source>
        <translation>一个网格单元的边长（像素）</translation>
    </message>
    <message>
        <source>unit_size_limit</source>
        <translation>单元尺寸范围</translation>
    </message>
    <message>
        <source>move the grid by a random offset within one cell</source>
        <translation>在一个单元的范围内随机偏移网格</translation>
    </message>
    <message>
        <source>random_shift</source>
        <translation>随机偏移</translation>
    </message>
    <message>
        <source>Mirrors the image left to right. Safe for most natural photos, since a cat facing left is still a cat, and it doubles the poses a model sees. Wrong where left and right carry meaning: text, digits, road signs, or tasks that tell left from right hands.</source>
        <translation>左右镜像翻转图像。对大多数自然照片是安全的，因为朝左的猫仍然是猫，而且模型见到的姿态因此翻倍。左右有意义时则不适用：文字、数字、路标，或需要区分左右手的任务。</translation>
    </message>
    <message>
        <source>Shifts the image in HSV space: turns the hue, adds to the colourfulness (saturation) and to the brightness (value). Hue uses OpenCV&apos;s units, where 180 steps make the full circle (1 step = 2 degrees), as albumentations does. Good for cameras with different colour rendering; harmful when the exact colour is what distinguishes classes. On greyscale input only the value shift applies.</source>
        <translation>在 HSV 空间中调整图像：旋转色相，并增加鲜艳程度（饱和度）和明度（value）。色相采用 OpenCV 的单位，180 步为一整圈（1 步 = 2 度），与 albumentations 一致。适合应对色彩还原各不相同的相机；当确切的颜色正是区分类别的依据时则有害。灰度输入只应用明度偏移。</translation>
    </message>
    <message>
        <source>hue shift in OpenCV steps of 2 degrees (90 = half the circle)</source>
        <translation>色相偏移，以 OpenCV 的 2 度为一步（90 = 半圈）</translation>
    </message>
    <message>
        <source>hue_shift_limit</source>
        <translation>色相偏移范围</translation>
    </message>
    <message>
        <source>added to saturation (0..255)</source>
        <translation>加到饱和度上的值（0..255）</translation>
    </message>
    <message>
        <source>sat_shift_limit</source>
        <translation>饱和度偏移范围</translation>
    </message>
    <message>
        <source>added to value, the brightest channel (0..255)</source>
        <translation>加到明度（最亮通道）上的值（0..255）</translation>
    </message>
    <message>
        <source>val_shift_limit</source>
        <translation>明度偏移范围</translation>
    </message>
    <message>
        <source>Replaces every value x by 255 - x, giving the photographic negative. Part of AutoAugment policies (for SVHN digits, where light-on-dark and dark-on-light both occur). For most natural photos a negative is unrealistic, so use it rarely, if at all.</source>
        <translation>把每个值 x 替换为 255 - x，得到照相底片式的负片。它是 AutoAugment 策略的一部分（用于 SVHN 数字，其中浅色字深色底和深色字浅色底都会出现）。对大多数自然照片来说负片并不真实，应当少用，甚至不用。</translation>
    </message>
    <message>
        <source>Imitates the grain of a camera pushed to a high ISO in dim light: colour noise (a random hue shift per pixel) and lightness noise (a random lift per pixel, strongest on dark pixels), both growing with the intensity. The lightness noise only ever adds, so the image also gets brighter, the shadows most: barely at intensity 0.1, clearly at 0.5. Helps models that will see phone or night photos; at high intensities it washes out the shadows and hides fine texture. On greyscale images only the lightness noise applies.</source>
        <translation>模拟相机在暗光下调高 ISO 时的颗粒：颜色噪声（每个像素的色相随机偏移）和明度噪声（每个像素随机提亮，暗像素最明显），两者都随强度增大。明度噪声只会增加亮度，所以图像也会变亮，阴影处最明显：强度 0.1 时几乎看不出，0.5 时很明显。有助于将要面对手机照片或夜景照片的模型；强度过高会冲淡阴影并掩盖精细纹理。灰度图像只施加明度噪声。</translation>
    </message>
    <message>
        <source>spread of the hue noise as a fraction of the colour wheel (1 = 360°), scaled by the intensity</source>
        <translation>色相噪声的幅度，以色环的比例表示（1 = 360°），再乘以强度</translation>
    </message>
    <message>
        <source>color_shift_limit</source>
        <translation>色偏范围</translation>
    </message>
    <message>
        <source>strength of both noises; a black pixel brightens on average by the intensity times the spread (standard deviation) of the image&apos;s lightness</source>
        <translation>两种噪声的强度；纯黑像素平均提亮的量等于强度乘以图像明度的离散程度（标准差）</translation>
    </message>
    <message>
        <source>intensity_limit</source>
        <translation>强度范围</translation>
    </message>
    <message>
        <source>Saves the image as a JPEG at a drawn quality and loads it back, adding the blocky 8x8 artefacts, colour bleeding and ringing of compressed web photos. Useful when training images are clean but real inputs are scraped or re-shared; very low qualities (below 30) smear colours and small details.</source>
        <translation>以随机抽取的质量把图像存成 JPEG 再读回，加入压缩网络图片常见的 8x8 块状伪影、颜色渗出和振铃。训练图像很干净、而实际输入来自网络抓取或多次转发时很有用；质量极低（低于 30）时颜色和细节会被抹糊。</translation>
    </message>
    <message>
        <source>JPEG quality: 100 is nearly lossless, 1 is a mosaic of blocks</source>
        <translation>JPEG 质量：100 几乎无损，1 则变成一片马赛克色块</translation>
    </message>
    <message>
        <source>quality_limit</source>
        <translation>质量范围</translation>
    </message>
    <message>
        <source>Scales the image, aspect ratio kept, so that its longer side gets the drawn length (albumentations&apos; LongestMaxSize). The usual first step of detection pipelines: every photo then fits in a square of that side, and a pad step can fill the rest. Drawing the length from a range trains at several scales at once. Strong downscaling loses small objects; for shrinking, &apos;area&apos; interpolation avoids aliasing.</source>
        <translation>保持宽高比缩放图像，使其长边等于抽取的长度（albumentations 的 LongestMaxSize）。这是检测流水线常见的第一步：之后每张照片都能放进该边长的正方形，再用 pad 步骤填满其余部分。从一个范围中抽取长度可以同时在多个尺度上训练。大幅缩小会丢失小物体；缩小时用 &apos;area&apos; 插值可避免混叠。</translation>
    </message>
    <message>
        <source>length of the longer side after resizing; drawn from this range in steps of size_step</source>
        <translation>缩放后长边的长度；按 size_step 的步长从这个范围中抽取</translation>
    </message>
    <message>
        <source>size_limit</source>
        <translation>边长范围</translation>
    </message>
    <message>
        <source>the length is drawn among low, low + step, low + 2 step, ... up to high</source>
        <translation>长度从 low、low + step、low + 2 step……直到 high 之间抽取</translation>
    </message>
    <message>
        <source>size_step</source>
        <translation>边长步长</translation>
    </message>
    <message>
        <source>Replaces each pixel by the median of its square neighbourhood. It removes speckles and salt-and-pepper noise while keeping edges sharper than a gaussian blur does, but flattens texture into a painted look and rounds off corners and thin lines.</source>
        <translation>用方形邻域的中值替换每个像素。它能去除斑点和椒盐噪声，同时比高斯模糊更好地保持边缘锐利，但会把纹理压平成油画般的效果，并磨圆角点和细线。</translation>
    </message>
    <message>
        <source>side of the neighbourhood in pixels (odd sizes only)</source>
        <translation>邻域的边长（像素，只能为奇数）</translation>
    </message>
    <message>
        <source>Smears the image along a straight line of drawn length and angle, as when the camera or the subject moves during the exposure. Good for handheld, vehicle or sports footage; long streaks make text and thin structures unreadable. Direction skews the smear to one side of each pixel instead of both. A slanted streak is a staircase of single pixels, as albumentations draws one; antialias smooths it at up to twice the cost.</source>
        <translation>沿一条长度和角度随机的直线涂抹图像，就像曝光期间相机或被摄物体发生了移动。适合手持、车载或体育画面；长拖影会让文字和细小结构无法辨认。direction 使拖影偏向每个像素的一侧，而不是两侧。倾斜的拖影是单像素的阶梯，albumentations 也是这样画的；antialias 使其平滑，耗时最多两倍。</translation>
    </message>
    <message>
        <source>length of the streak in pixels (odd sizes only)</source>
        <translation>拖影的长度（像素，只能为奇数）</translation>
    </message>
    <message>
        <source>kernel_limit</source>
        <translation>核长度范围</translation>
    </message>
    <message>
        <source>orientation of the streak, counter-clockwise from horizontal</source>
        <translation>拖影的方向，从水平方向起逆时针计算</translation>
    </message>
    <message>
        <source>angle_limit</source>
        <translation>角度范围</translation>
    </message>
    <message>
        <source>-1 smears backward only, 0 both ways, 1 forward only</source>
        <translation>-1 只向后涂抹，0 双向，1 只向前</translation>
    </message>
    <message>
        <source>direction_limit</source>
        <translation>方向范围</translation>
    </message>
    <message>
        <source>a slanted streak split over two rows where it runs between pixels: smooth at any angle, up to twice the time</source>
        <translation>倾斜的拖影在像素之间时分到相邻两行：任何角度都平滑，耗时最多两倍</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>抗锯齿</translation>
    </message>
    <message>
        <source>Multiplies every pixel by its own random factor near 1, so the grain grows with brightness: strong in highlights, absent in black areas, like the speckle of ultrasound, radar and laser images. Helps models meant for such images or for sensors with uneven gain; wide ranges wash out bright textures. With elementwise off, one factor scales the whole image (or each channel, tinting it) instead of adding grain.</source>
        <translation>给每个像素乘上各自的随机系数（接近 1），因此颗粒随亮度增强：高光处明显，纯黑区域完全没有，就像超声、雷达和激光图像里的散斑。有助于面向这类图像或增益不均匀的传感器的模型；范围过宽会冲淡明亮区域的纹理。关闭 elementwise 时，则由一个系数缩放整幅图像（或逐通道各用一个系数，使图像偏色），而不是添加颗粒。</translation>
    </message>
    <message>
        <source>range of the factors the pixels are multiplied by; 1 changes nothing</source>
        <translation>像素所乘系数的范围；1 表示不做任何改变</translation>
    </message>
    <message>
        <source>multiplier_limit</source>
        <translation>乘数范围</translation>
    </message>
    <message>
        <source>a factor for every pixel (grain); off: one factor for the whole image (or channel)</source>
        <translation>每个像素各用一个系数（产生颗粒）；关闭时整幅图像（或每个通道）只用一个系数</translation>
    </message>
    <message>
        <source>elementwise</source>
        <translation>逐像素</translation>
    </message>
    <message>
        <source>Bends the image the way a real lens does. Positive values give barrel distortion: the middle bulges towards the viewer, straight lines near the edges bow outwards and the corners pull in, leaving border-filled gaps; negative values give pincushion: lines bow inwards and the corners stretch out of the frame. Mimics wide-angle, action and cheap cameras, so a model trained on one lens copes with another; pointless when every image comes from one calibrated camera, and strong values bend buildings, documents and lanes beyond anything a lens would.</source>
        <translation>像真实镜头那样弯曲图像。正值产生桶形畸变：中部向外鼓起，靠近边缘的直线向外弯曲，角落向内收缩，留下按边界模式填充的空隙；负值产生枕形畸变：直线向内弯曲，角落被拉伸到画面之外。它模拟广角相机、运动相机和廉价相机，让用一种镜头训练的模型也能应对另一种镜头；当所有图像都来自同一台已标定的相机时则毫无意义，而过大的值会把建筑、文档和车道线弯曲到任何镜头都不会达到的程度。</translation>
    </message>
    <message>
        <source>distortion coefficient k, drawn from this range: positive is barrel (corners pulled in), negative pincushion (edges stretched out); below about -0.33 the corners fold over</source>
        <translation>畸变系数 k，从此范围中抽取：正值为桶形（角落向内收），负值为枕形（边缘向外拉伸）；低于约 -0.33 时角落会翻折</translation>
    </message>
    <message>
        <source>lens model: camera (OpenCV&apos;s polynomial model, albumentations&apos; default) or fisheye (a simpler radial model, somewhat stronger for the same k)</source>
        <translation>镜头模型：camera（OpenCV 的多项式模型，albumentations 的默认值）或 fisheye（更简单的径向模型，同样的 k 效果略强）</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <source>fisheye</source>
        <translation>鱼眼</translation>
    </message>
    <message>
        <source>Grows the canvas around the image, filling the new margin by the border mode. Use it to reach a minimum size before a fixed-size crop, to make sides a multiple of 32 for segmentation networks, or to shrink objects relative to the frame. A constant border teaches the model that black bars are normal; reflect modes hide the seam but mirror content, which can invent duplicate objects.</source>
        <translation>在图像四周扩大画布，新边距按边界模式填充。可用于在固定尺寸裁剪之前达到最小尺寸、让边长成为 32 的倍数以适配分割网络，或让物体在画面中显得更小。常量边界会让模型以为黑边是正常的；反射类模式能隐藏接缝，但会镜像内容，可能凭空多出重复的物体。</translation>
    </message>
    <message>
        <source>pad up to a minimum size, by a fixed margin, or up to a multiple</source>
        <translation>填充到最小尺寸、加上固定边距，或填充到某个倍数</translation>
    </message>
    <message>
        <source>pad_mode</source>
        <translation>填充模式</translation>
    </message>
    <message>
        <source>min_size</source>
        <translation>最小尺寸</translation>
    </message>
    <message>
        <source>multiple_of</source>
        <translation>整倍数</translation>
    </message>
    <message>
        <source>min_size mode: smallest output height</source>
        <translation>min_size 模式：输出的最小高度</translation>
    </message>
    <message>
        <source>min_height</source>
        <translation>最小高度</translation>
    </message>
    <message>
        <source>min_size mode: smallest output width</source>
        <translation>min_size 模式：输出的最小宽度</translation>
    </message>
    <message>
        <source>min_width</source>
        <translation>最小宽度</translation>
    </message>
    <message>
        <source>pixels mode: margin added to every side</source>
        <translation>pixels 模式：每条边增加的边距</translation>
    </message>
    <message>
        <source>multiple_of mode: sides become multiples of this</source>
        <translation>multiple_of 模式：边长变为该值的倍数</translation>
    </message>
    <message>
        <source>divisor</source>
        <translation>除数</translation>
    </message>
    <message>
        <source>where the image sits on the larger canvas</source>
        <translation>图像在较大画布上的位置</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>center</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>top_left</source>
        <translation>左上角</translation>
    </message>
    <message>
        <source>Moves the four corners of the image inwards by random amounts and stretches that tilted window back over the whole output, as if the camera looked at the scene from a slightly different angle. Helps with photos of documents, signs and screens taken off-axis. Large values distort shapes and lose the content near the corners; &apos;fit output&apos; instead squeezes the whole image into the tilted window and fills the rest with the border.</source>
        <translation>把图像的四个角随机向内移动，再把这个倾斜的窗口拉伸回整个输出，仿佛相机从略微不同的角度观察场景。有助于处理斜着拍摄的文档、标牌和屏幕照片。取值过大会扭曲形状并丢失角落附近的内容；&apos;fit output&apos; 则改为把整幅图像压进倾斜的窗口，其余部分用边界填充。</translation>
    </message>
    <message>
        <source>spread of the corner jitter, as a fraction of the side</source>
        <translation>角点抖动的幅度，占边长的比例</translation>
    </message>
    <message>
        <source>output has the input size (else the window&apos;s size)</source>
        <translation>输出与输入尺寸相同（否则为窗口的尺寸）</translation>
    </message>
    <message>
        <source>keep_size</source>
        <translation>保持尺寸</translation>
    </message>
    <message>
        <source>keep the whole image visible inside the window</source>
        <translation>让整幅图像在窗口内保持可见</translation>
    </message>
    <message>
        <source>fit_output</source>
        <translation>完整显示输出</translation>
    </message>
    <message>
        <source>Lays a grid of control points over the image, nudges each point by a random amount and moves the picture with them: every triangle of the grid gets its own small affine stretch, so the image wobbles locally while staying in one piece. Mimics paper that is not flat, soft tissue and hand-drawn shapes; rows and columns set how local the wobbles are, scale how far the points move. Large scales fold the picture and tear text apart.</source>
        <translation>在图像上铺一张控制点网格，把每个点随机挪动一点，图像随之移动：网格的每个三角形都有自己的小仿射拉伸，所以图像在局部起伏而整体保持连贯。模拟不平整的纸张、软组织和手绘形状；行数和列数决定起伏有多局部，scale 决定点移动多远。大的 scale 会使画面折叠、把文字撕开。</translation>
    </message>
    <message>
        <source>spread of each point&apos;s move, as a share of the shorter side (in pixels with absolute_scale)</source>
        <translation>每个点移动量的分布宽度，以短边的比例表示（开启 absolute_scale 时以像素表示）</translation>
    </message>
    <message>
        <source>rows of control points</source>
        <translation>控制点的行数</translation>
    </message>
    <message>
        <source>rows_limit</source>
        <translation>行数范围</translation>
    </message>
    <message>
        <source>columns of control points</source>
        <translation>控制点的列数</translation>
    </message>
    <message>
        <source>cols_limit</source>
        <translation>列数范围</translation>
    </message>
    <message>
        <source>take scale in pixels instead of a share of the side</source>
        <translation>把 scale 按像素而不是边长的比例来理解</translation>
    </message>
    <message>
        <source>absolute_scale</source>
        <translation>按像素计尺度</translation>
    </message>
    <message>
        <source>Keeps only the top few bits of every channel, so the image is drawn with fewer levels (4 bits = 16 levels per channel) and smooth gradients turn into flat bands. Part of AutoAugment/RandAugment; it teaches robustness to quantisation and cheap displays. At 1-3 bits much of the detail is gone; 8 bits leaves the image unchanged.</source>
        <translation>只保留每个通道的高几位，使图像用更少的色阶绘制（4 位 = 每通道 16 级），平滑的渐变变成平坦的色带。它是 AutoAugment/RandAugment 的组成部分，能让模型适应量化和廉价的显示屏。1-3 位时大部分细节已经丢失；8 位时图像不变。</translation>
    </message>
    <message>
        <source>bits kept per channel</source>
        <translation>每个通道保留的位数</translation>
    </message>
    <message>
        <source>num_bits</source>
        <translation>位数</translation>
    </message>
    <message>
        <source>RandAugment (Cubuk et al. 2020): applies N operations chosen uniformly from 14 (identity, shear, translate, rotate, brightness, colour, contrast, sharpness, posterize, solarize, autocontrast, equalize), all at one shared magnitude M out of 31 bins. Two knobs instead of a searched policy, and about as good; the usual setting is N=2, M=9. High M makes every operation harsh; raise it with model size and training length.</source>
        <translation>RandAugment（Cubuk 等，2020）：从 14 种操作（恒等、错切、平移、旋转、亮度、色彩、对比度、锐度、色调分离、曝光反转、自动对比度、均衡化）中均匀选取 N 个依次应用，所有操作共用 31 档中的同一强度 M。只用两个旋钮代替搜索得到的策略，效果却相差无几；常用设置是 N=2、M=9。M 过高会让每个操作都很猛烈；应随模型规模和训练时长的增加而提高。</translation>
    </message>
    <message>
        <source>operations applied in sequence per image (N)</source>
        <translation>每张图像依次应用的操作数（N）</translation>
    </message>
    <message>
        <source>num_ops</source>
        <translation>操作数</translation>
    </message>
    <message>
        <source>shared strength bin (M); values above the last bin use the last bin</source>
        <translation>共用的强度档位（M）；超过最后一档的值按最后一档处理</translation>
    </message>
    <message>
        <source>magnitude</source>
        <translation>幅度</translation>
    </message>
    <message>
        <source>number of strength bins</source>
        <translation>强度档位的数量</translation>
    </message>
    <message>
        <source>num_magnitude_bins</source>
        <translation>幅度档数</translation>
    </message>
    <message>
        <source>Cuts a window of fixed size out of a random place in the image. It teaches the model that an object can sit anywhere in the frame and is the usual way to get fixed-size inputs from larger photos. It hurts when the window is so small that it often misses the object the label talks about. A window larger than the image is clamped to the image&apos;s side.</source>
        <translation>从图像中随机位置切出一个固定大小的窗口。它让模型学到物体可以出现在画面中的任何位置，也是从较大照片中获得固定尺寸输入的常用方法。窗口太小、常常漏掉标签所指的物体时，它就有害了。大于图像的窗口会被限制为图像的边长。</translation>
    </message>
    <message>
        <source>Trims a random margin off each side: up to crop_left of the width from the left, crop_right from the right, and so on (albumentations&apos; RandomCropFromBorders). Keeps most of the picture while varying framing and size, a gentle alternative to a crop of fixed size. Margins that add up to the whole side can leave a sliver; the output size varies, so a resize usually follows.</source>
        <translation>从每条边随机裁掉一段边距：左边最多裁掉宽度的 crop_left，右边最多 crop_right，依此类推（albumentations 的 RandomCropFromBorders）。保留画面的大部分，同时改变构图和尺寸，是固定尺寸裁剪的温和替代。加起来等于整条边的边距可能只剩下一条细缝；输出尺寸会变化，所以通常接着做一次缩放。</translation>
    </message>
    <message>
        <source>largest share of the width cut from the left</source>
        <translation>从左边裁掉的宽度的最大比例</translation>
    </message>
    <message>
        <source>crop_left</source>
        <translation>左侧裁剪上限</translation>
    </message>
    <message>
        <source>largest share of the width cut from the right</source>
        <translation>从右边裁掉的宽度的最大比例</translation>
    </message>
    <message>
        <source>crop_right</source>
        <translation>右侧裁剪上限</translation>
    </message>
    <message>
        <source>largest share of the height cut from the top</source>
        <translation>从上边裁掉的高度的最大比例</translation>
    </message>
    <message>
        <source>crop_top</source>
        <translation>顶部裁剪上限</translation>
    </message>
    <message>
        <source>largest share of the height cut from the bottom</source>
        <translation>从下边裁掉的高度的最大比例</translation>
    </message>
    <message>
        <source>crop_bottom</source>
        <translation>底部裁剪上限</translation>
    </message>
    <message>
        <source>Picks one of the boxes at random and cuts a window around it, with a random margin on each side (albumentations&apos; RandomCropNearBBox, here always containing the box). It zooms in on objects, so small ones fill more of the input, a common trick for detection and for classifying annotated objects. Other boxes may be cut or dropped. With no boxes the image is left whole.</source>
        <translation>随机选中一个框，并在其周围裁出一个窗口，四边各留随机的边距（即 albumentations 的 RandomCropNearBBox，这里总是包含该框）。它会放大物体，让小物体占据更多输入，是检测和对标注物体做分类时的常用技巧。其他框可能被切到或丢弃。没有框时图像保持完整。</translation>
    </message>
    <message>
        <source>each side of the window lies this many box widths (or heights) outside the box</source>
        <translation>窗口每条边位于框外多少个框宽（或框高）处</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>边距</translation>
    </message>
    <message>
        <source>Erases one rectangle of random area and shape, as torchvision&apos;s RandomErasing does: up to ten tries to fit a box covering a drawn share of the image with a drawn height-to-width ratio; if none fits, the image is left alone. Like cutout it simulates occlusion, and like cutout it can hide the very object the label names.</source>
        <translation>擦除一个面积和形状随机的矩形，做法与 torchvision 的 RandomErasing 相同：最多尝试十次，寻找一个覆盖随机面积比例、具有随机高宽比的框；如果都放不下，图像保持不变。它与 cutout 一样模拟遮挡，也同样可能遮住标签所指的那个物体。</translation>
    </message>
    <message>
        <source>area of the box as a fraction of the image area</source>
        <translation>框的面积，占图像面积的比例</translation>
    </message>
    <message>
        <source>height / width of the box, drawn uniformly on a log scale</source>
        <translation>框的高 / 宽比，在对数尺度上均匀抽取</translation>
    </message>
    <message>
        <source>ratio_limit</source>
        <translation>宽高比范围</translation>
    </message>
    <message>
        <source>Lays a patchy white haze over the image, thickest in the middle, then softens it all with a slight blur: distant details fade, colours wash out towards white and contrast drops, as in fog, mist or smog. A higher fog coefficient gives denser, larger patches. Helps outdoor models (driving, surveillance, drones) that must work in bad weather; heavy fog can hide small or faint objects entirely, and on indoor or microscope images it imitates nothing real.</source>
        <translation>在图像上铺一层斑驳的白色雾气，中间最浓，再用轻微的模糊整体柔化：远处细节变淡，颜色向白色褪去，对比度下降，就像雾、薄雾或烟霾中的景象。雾系数越高，雾团越浓、越大。有助于必须在恶劣天气下工作的户外模型（自动驾驶、监控、无人机）；浓雾可能把小的或暗淡的物体完全遮住，用在室内或显微镜图像上则模拟不了任何真实情况。</translation>
    </message>
    <message>
        <source>density of the fog, drawn from this range: larger, more opaque and more concentrated patches</source>
        <translation>雾的浓度，从此范围中抽取：越大则雾团越大、越不透明、越集中</translation>
    </message>
    <message>
        <source>fog_coef_limit</source>
        <translation>雾浓度范围</translation>
    </message>
    <message>
        <source>opacity of one fog patch at density 1 (it is multiplied by the density); overlapping patches add up</source>
        <translation>浓度为 1 时单个雾团的不透明度（会乘以浓度）；重叠的雾团会叠加</translation>
    </message>
    <message>
        <source>alpha_coef</source>
        <translation>雾透明度</translation>
    </message>
    <message>
        <source>Cuts the image into a grid of tiles and puts them back in a random order, like a sliding puzzle (albumentations&apos; RandomGridShuffle). Local texture and small parts stay intact while the global layout is destroyed, which pushes a model to recognise parts rather than where they sit; the jigsaw pretext task of self-supervised learning does the same. Wrong whenever the layout carries the label (faces, scenes, documents).</source>
        <translation>把图像切成网格图块，再按随机顺序拼回去，像滑块拼图一样（albumentations 的 RandomGridShuffle）。局部纹理和小部件保持完整，而整体布局被打乱，这促使模型识别部件本身而不是它们所在的位置；自监督学习中的拼图前置任务也是如此。布局决定标签时（人脸、场景、文档）则不适用。</translation>
    </message>
    <message>
        <source>number of tile rows</source>
        <translation>图块的行数</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>number of tile columns</source>
        <translation>图块的列数</translation>
    </message>
    <message>
        <source>cols</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Draws slanted streaks of rain over the image, softens them with a blur and darkens the whole picture, as a camera sees a scene through falling rain under a grey sky. The slant imitates wind, the rain type sets how many drops fall. Helps outdoor models (driving, traffic and security cameras) keep working in bad weather; dense or long drops hide small objects and fine texture, and rain is out of place indoors or under a microscope.</source>
        <translation>在图像上画出倾斜的雨丝，用模糊柔化它们，并把整幅画面调暗，就像相机在阴沉天空下透过落雨拍摄场景。倾斜模拟风，雨的类型决定雨滴数量。有助于户外模型（自动驾驶、交通和安防摄像头）在恶劣天气下继续工作；密集或细长的雨滴会遮住小物体和精细纹理，而在室内或显微镜下出现雨则不合情理。</translation>
    </message>
    <message>
        <source>angle of the drops from the vertical, drawn once per image: negative leans their lower ends to the left, positive to the right</source>
        <translation>雨滴偏离竖直方向的角度，每张图像抽取一次：负值使雨滴下端偏向左，正值偏向右</translation>
    </message>
    <message>
        <source>slant_limit</source>
        <translation>倾斜范围</translation>
    </message>
    <message>
        <source>length of each drop; 0: an eighth of the image height</source>
        <translation>每个雨滴的长度；0：图像高度的八分之一</translation>
    </message>
    <message>
        <source>drop_length</source>
        <translation>雨滴长度</translation>
    </message>
    <message>
        <source>thickness of each drop</source>
        <translation>每个雨滴的粗细</translation>
    </message>
    <message>
        <source>drop_width</source>
        <translation>雨滴宽度</translation>
    </message>
    <message>
        <source>grey level of the drops, blurred with them and then added to the image</source>
        <translation>雨滴的灰度值，与雨滴一起模糊后再叠加到图像上</translation>
    </message>
    <message>
        <source>drop_color</source>
        <translation>雨滴灰度</translation>
    </message>
    <message>
        <source>side of the box blur that softens the drops (1: sharp lines)</source>
        <translation>柔化雨滴的方框模糊的边长（1：清晰的线条）</translation>
    </message>
    <message>
        <source>blur_value</source>
        <translation>模糊大小</translation>
    </message>
    <message>
        <source>every pixel is multiplied by this: rainy scenes are darker (1 keeps the brightness)</source>
        <translation>每个像素都乘以该值：雨天的场景更暗（1 保持亮度不变）</translation>
    </message>
    <message>
        <source>brightness_coefficient</source>
        <translation>亮度系数</translation>
    </message>
    <message>
        <source>how many drops fall: drizzle a quarter, default a third, heavy one, torrential two per row of the image</source>
        <translation>落下多少雨滴：按图像每一行计，drizzle 四分之一个，default 三分之一个，heavy 一个，torrential 两个</translation>
    </message>
    <message>
        <source>rain_type</source>
        <translation>雨的类型</translation>
    </message>
    <message>
        <source>drizzle</source>
        <translation>毛毛雨</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>heavy</source>
        <translation>大雨</translation>
    </message>
    <message>
        <source>torrential</source>
        <translation>暴雨</translation>
    </message>
    <message>
        <source>The ImageNet training crop (torchvision&apos;s RandomResizedCrop): picks a box covering a random share of the area with a random aspect ratio, then resizes it to a fixed output size. It adds zoom, position and slight stretching at once and is the default for classification. The default minimum share of 8% is aggressive: on small objects or for detection-like tasks it often crops the object away, so raise it to 0.3-0.5 there.</source>
        <translation>ImageNet 训练用的裁剪（torchvision 的 RandomResizedCrop）：选取一个覆盖随机面积比例、具有随机宽高比的框，再把它缩放到固定的输出尺寸。它一次性引入缩放、位置变化和轻微拉伸，是分类任务的默认做法。默认的最小面积比例 8% 相当激进：对小物体或类似检测的任务，常常会把物体裁掉，这时应把它提高到 0.3-0.5。</translation>
    </message>
    <message>
        <source>output height</source>
        <translation>输出高度</translation>
    </message>
    <message>
        <source>output width</source>
        <translation>输出宽度</translation>
    </message>
    <message>
        <source>share of the image&apos;s area the box covers</source>
        <translation>框所覆盖的图像面积比例</translation>
    </message>
    <message>
        <source>box width / height, drawn log-uniformly</source>
        <translation>框的宽 / 高比，按对数均匀分布抽取</translation>
    </message>
    <message>
        <source>Turns the image counter-clockwise by a random number of quarter turns drawn from the range: 0, 90, 180 or 270 degrees by default, each equally likely. The turn is exact: no pixel is interpolated and no corner is lost, but a non-square image swaps its width and height. With the flips and transpose it reaches all 8 orientations of a square. Right for satellite, aerial and microscope images, which have no natural &apos;up&apos;; wrong for street scenes, faces, text and digits (a 6 turned twice is a 9).</source>
        <translation>把图像按逆时针方向转动随机个 90° 的四分之一圈，圈数从范围中抽取：默认为 0、90、180 或 270 度，各自概率相同。转动是精确的：没有任何像素被插值，也不会丢失角落，但非正方形图像的宽和高会互换。与翻转和转置一起，可得到正方形的全部 8 种朝向。适用于没有自然“上方”的卫星、航拍和显微图像；不适用于街景、人脸、文字和数字（6 转两次就成了 9）。</translation>
    </message>
    <message>
        <source>number of counter-clockwise quarter turns, drawn uniformly from this range: 1 = 90°, 2 = 180°, 3 = 270° (90° clockwise), 0 = unchanged</source>
        <translation>逆时针四分之一圈的圈数，在此范围内均匀抽取：1 = 90°，2 = 180°，3 = 270°（顺时针 90°），0 = 不变</translation>
    </message>
    <message>
        <source>turns_limit</source>
        <translation>旋转圈数范围</translation>
    </message>
    <message>
        <source>Resizes the image by a random factor, so the output size changes (albumentations&apos; RandomScale). With keep_aspect on, one factor scales both sides and objects look nearer or farther; with it off, width and height get their own factors and the image stretches, like a different lens or pixel aspect. Follow it with a crop or resize when the network needs a fixed size; strong stretching makes shapes unrealistic.</source>
        <translation>按随机系数缩放图像，因此输出尺寸会改变（albumentations 的 RandomScale）。开启 keep_aspect 时，两条边使用同一系数，物体看起来更近或更远；关闭时，宽和高各有自己的系数，图像会被拉伸，就像换了镜头或像素宽高比。网络需要固定尺寸时，应在其后接裁剪或缩放；强烈的拉伸会让形状失真。</translation>
    </message>
    <message>
        <source>width factor; with keep_aspect, the factor for both sides</source>
        <translation>宽度系数；开启 keep_aspect 时为两条边共用的系数</translation>
    </message>
    <message>
        <source>scale_x</source>
        <translation>水平缩放</translation>
    </message>
    <message>
        <source>height factor; ignored with keep_aspect</source>
        <translation>高度系数；开启 keep_aspect 时忽略</translation>
    </message>
    <message>
        <source>scale_y</source>
        <translation>垂直缩放</translation>
    </message>
    <message>
        <source>one factor for both sides (no stretching)</source>
        <translation>两条边使用同一系数（不拉伸）</translation>
    </message>
    <message>
        <source>keep_aspect</source>
        <translation>保持宽高比</translation>
    </message>
    <message>
        <source>Darkens one or a few random polygons, as if a tree, a building or a passing car cast a shadow over part of the scene; the region says where the shadows may fall (by default the lower half, the road in a dashcam view). The pixels inside keep their colours, only darker. Helps outdoor models (driving, drones, crops in a field) not to mistake a shadow for an object or an edge; hard-edged polygons are cruder than real soft shadows, and a strong one can black out the object to find.</source>
        <translation>把一个或几个随机多边形压暗，就像树木、建筑或驶过的汽车在场景的一部分投下阴影；区域参数决定阴影可能落在哪里（默认是下半部分，即行车记录仪画面中的路面）。多边形内的像素保持原来的颜色，只是变暗。有助于户外模型（自动驾驶、无人机、田间作物）不把阴影误当成物体或边缘；硬边多边形比真实的柔和阴影粗糙，过强的阴影可能把要找的物体完全涂黑。</translation>
    </message>
    <message>
        <source>left and right edges of the region the shadows&apos; corners are drawn in, as fractions of the width</source>
        <translation>阴影顶点所在区域的左右边界，占图像宽度的比例</translation>
    </message>
    <message>
        <source>roi_x</source>
        <translation>区域横向范围</translation>
    </message>
    <message>
        <source>top and bottom edges of that region, as fractions of the height (0 is the top)</source>
        <translation>该区域的上下边界，占图像高度的比例（0 为顶部）</translation>
    </message>
    <message>
        <source>roi_y</source>
        <translation>区域纵向范围</translation>
    </message>
    <message>
        <source>how many shadows are cast</source>
        <translation>投下的阴影数量</translation>
    </message>
    <message>
        <source>num_shadows_limit</source>
        <translation>阴影数范围</translation>
    </message>
    <message>
        <source>corners of each shadow polygon</source>
        <translation>每个阴影多边形的顶点数</translation>
    </message>
    <message>
        <source>shadow_dimension</source>
        <translation>阴影边数</translation>
    </message>
    <message>
        <source>how much darker each shadow makes its pixels: 0 not at all, 0.5 half as bright, 1 black; drawn for each shadow</source>
        <translation>每个阴影使像素变暗的程度：0 不变暗，0.5 亮度减半，1 全黑；每个阴影各自抽取</translation>
    </message>
    <message>
        <source>shadow_intensity_limit</source>
        <translation>阴影强度范围</translation>
    </message>
    <message>
        <source>Cuts a box of drawn height (in pixels) and fixed aspect ratio out of a random place and resizes it to a fixed output size (albumentations&apos; RandomSizedCrop). Like random_resized_crop it adds zoom and position at once, but the box is given by its height in pixels, so the zoom depends on the photo&apos;s size. Small boxes on large photos zoom in a lot and may miss the labelled object. A box larger than the image is clamped.</source>
        <translation>从随机位置切出一个高度（像素）随机抽取、宽高比固定的方框，并缩放到固定的输出尺寸（albumentations 的 RandomSizedCrop）。与 random_resized_crop 一样，它同时带来缩放和位置变化，但方框由像素高度给出，所以放大倍数取决于照片的尺寸。大照片上的小方框会放大很多，可能漏掉标注的物体。大于图像的方框会被限制在图像内。</translation>
    </message>
    <message>
        <source>height of the box, drawn in pixels</source>
        <translation>方框的高度，以像素抽取</translation>
    </message>
    <message>
        <source>min_max_height</source>
        <translation>高度范围</translation>
    </message>
    <message>
        <source>box width / box height</source>
        <translation>方框宽度 / 方框高度</translation>
    </message>
    <message>
        <source>w2h_ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>Puts a bright sun somewhere in the sky region, its glow fading over a radius around it, and a string of faint coloured circles along a line through it: the ghosts a lens makes when it faces the sun. Helps outdoor models (driving, drones, street scenes) that must cope with glare and washed-out corners; the glow can wipe out whatever it covers, and flares make no sense on scans, indoor or microscope images.</source>
        <translation>在天空区域的某处放一个明亮的太阳，其光晕在一定半径内逐渐减弱，并沿一条穿过太阳的直线排列一串淡淡的彩色圆圈：这是镜头正对太阳时产生的鬼影。有助于必须应对眩光和发白角落的户外模型（自动驾驶、无人机、街景）；光晕可能抹掉它覆盖的一切，而在扫描件、室内或显微镜图像上出现光斑毫无意义。</translation>
    </message>
    <message>
        <source>left and right edges of the region the sun is placed in, as fractions of the width</source>
        <translation>太阳所在区域的左右边界，占图像宽度的比例</translation>
    </message>
    <message>
        <source>top and bottom edges of that region, as fractions of the height (0 is the top, where the sky usually is)</source>
        <translation>该区域的上下边界，占图像高度的比例（0 为顶部，通常是天空所在）</translation>
    </message>
    <message>
        <source>direction of the line the flare circles lie on, through the sun</source>
        <translation>光斑圆圈所在直线（穿过太阳）的方向</translation>
    </message>
    <message>
        <source>how many flare circles are drawn</source>
        <translation>画出的光斑圆圈数量</translation>
    </message>
    <message>
        <source>num_circles_limit</source>
        <translation>光斑数范围</translation>
    </message>
    <message>
        <source>radius of the sun&apos;s glow</source>
        <translation>太阳光晕的半径</translation>
    </message>
    <message>
        <source>src_radius</source>
        <translation>光源半径</translation>
    </message>
    <message>
        <source>red component of the sun&apos;s colour</source>
        <translation>太阳颜色的红色分量</translation>
    </message>
    <message>
        <source>color_red</source>
        <translation>红色分量</translation>
    </message>
    <message>
        <source>green component of the sun&apos;s colour</source>
        <translation>太阳颜色的绿色分量</translation>
    </message>
    <message>
        <source>color_green</source>
        <translation>绿色分量</translation>
    </message>
    <message>
        <source>blue component of the sun&apos;s colour</source>
        <translation>太阳颜色的蓝色分量</translation>
    </message>
    <message>
        <source>color_blue</source>
        <translation>蓝色分量</translation>
    </message>
    <message>
        <source>Resizes the image to a fixed height and width, stretching it if the aspect ratio differs. Networks need a fixed input size, so this usually ends a pipeline. Stretching distorts shapes (round things turn oval); crop or pad first when that matters. For shrinking, &apos;area&apos; interpolation avoids the jagged aliasing that &apos;linear&apos; and &apos;nearest&apos; leave.</source>
        <translation>把图像缩放到固定的高度和宽度，宽高比不同时会拉伸。网络需要固定的输入尺寸，因此它通常位于流水线末尾。拉伸会扭曲形状（圆形变成椭圆）；如果这很重要，请先裁剪或填充。缩小时，&apos;area&apos; 插值能避免 &apos;linear&apos; 和 &apos;nearest&apos; 留下的锯齿状混叠。</translation>
    </message>
    <message>
        <source>Adds a separate constant to the red, green and blue channels, giving the image a colour cast like a wrong white balance or tinted lighting. Helps models trained on one camera or light source generalise to others; large shifts produce colours that never occur in real photos. Greyscale input gets the cast&apos;s brightness part: the luma-weighted mix of the three shifts.</source>
        <translation>分别给红、绿、蓝通道加上不同的常数，使图像偏色，就像白平衡错误或有色光照。有助于在某一台相机或某种光源下训练的模型推广到其他设备；偏移过大会产生真实照片中从不出现的颜色。灰度输入只获得偏色中的亮度部分：三个偏移量按亮度加权的混合。</translation>
    </message>
    <message>
        <source>added to the red channel (levels)</source>
        <translation>加到红色通道上的值（灰阶）</translation>
    </message>
    <message>
        <source>r_shift_limit</source>
        <translation>红色偏移范围</translation>
    </message>
    <message>
        <source>added to the green channel (levels)</source>
        <translation>加到绿色通道上的值（灰阶）</translation>
    </message>
    <message>
        <source>g_shift_limit</source>
        <translation>绿色偏移范围</translation>
    </message>
    <message>
        <source>added to the blue channel (levels)</source>
        <translation>加到蓝色通道上的值（灰阶）</translation>
    </message>
    <message>
        <source>b_shift_limit</source>
        <translation>蓝色偏移范围</translation>
    </message>
    <message>
        <source>Turns the image about its centre by an angle drawn from the range; the corners that come into view are filled by the border mode. Small angles (up to 15-30 degrees) mimic a tilted camera; large ones suit top-down imagery but can turn a 6 into a 9.</source>
        <translation>围绕图像中心旋转一个从范围中抽取的角度；新露出的角落按边界模式填充。小角度（最多 15-30 度）模拟相机倾斜；大角度适合俯视图像，但可能把 6 转成 9。</translation>
    </message>
    <message>
        <source>the angle is drawn uniformly from this range</source>
        <translation>角度在此范围内均匀抽取</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>角度范围</translation>
    </message>
    <message>
        <source>Turns the image like rotate, then shrinks it just enough that the whole turned picture fits inside the frame (albumentations&apos; SafeRotate): no corner is cut off, so no object leaves the image, at the cost of a smaller picture framed by border-filled corners. On a non-square image the two sides shrink by different factors, so shapes are slightly squeezed. Good for detection and keypoints near the edges.</source>
        <translation>像 rotate 一样旋转图像，再把它缩小到刚好能让整个旋转后的画面放进画框（albumentations 的 SafeRotate）：不会切掉任何角，所以没有物体离开图像，代价是画面变小、四角由边界填充。在非正方形图像上两条边的缩小比例不同，所以形状会被轻微挤压。适合边缘附近有检测框和关键点的情况。</translation>
    </message>
    <message>
        <source>Turns a random fraction of the pixels pure white (salt) or pure black (pepper), like dead sensor cells or transmission errors. Helps models that meet such corrupted images; at more than a few percent it shreds thin lines and text.</source>
        <translation>把随机一部分像素变成纯白（盐）或纯黑（椒），就像传感器坏点或传输错误。有助于模型应对这类受损图像；比例超过几个百分点时，会把细线和文字打得支离破碎。</translation>
    </message>
    <message>
        <source>fraction of the pixels that are hit</source>
        <translation>受影响像素的比例</translation>
    </message>
    <message>
        <source>amount_limit</source>
        <translation>噪点比例范围</translation>
    </message>
    <message>
        <source>share of the hit pixels that turn white; the rest turn black</source>
        <translation>受影响像素中变白的比例；其余变黑</translation>
    </message>
    <message>
        <source>salt_vs_pepper_limit</source>
        <translation>盐椒比例范围</translation>
    </message>
    <message>
        <source>Blends the image with a slightly smoothed copy of itself (PIL/torchvision adjust_sharpness): factor 1 leaves it unchanged, 0 gives the soft version, 2 and above push edges harder than the original. Mimics lenses and camera sharpening settings; strong factors create halos and amplify noise. The one-pixel border is left as is.</source>
        <translation>把图像与其稍加平滑的副本混合（PIL/torchvision 的 adjust_sharpness）：系数 1 保持不变，0 得到柔化版本，2 及以上使边缘比原图更锐利。模拟镜头和相机的锐化设置；系数过强会产生光晕并放大噪声。最外一圈像素保持原样。</translation>
    </message>
    <message>
        <source>sharpness factor: 0 smoothed, 1 unchanged, 2 sharpened</source>
        <translation>锐度系数：0 平滑，1 不变，2 锐化</translation>
    </message>
    <message>
        <source>factor_limit</source>
        <translation>锐度系数范围</translation>
    </message>
    <message>
        <source>Simulates photon (shot) noise: a sensor counts the photons each pixel receives, and the count scatters around its average by a Poisson law. A larger scale means fewer photons per grey level and a grainier image, as in night shots, fast exposures or astronomy. Brighter pixels catch more photons: more noise in photons, but less relative to their value, so shadows look grainiest and pure black stays black. Helps models that will see low-light images; large scales bury fine detail.</source>
        <translation>模拟光子（散粒）噪声：传感器对每个像素接收到的光子计数，计数按泊松分布在平均值附近随机波动。scale 越大，每个灰阶对应的光子越少，图像颗粒越粗，就像夜景照片、高速快门或天文图像。越亮的像素接收的光子越多：以光子数计噪声更大，但相对其自身数值更小，所以阴影处显得颗粒最重，纯黑则保持纯黑。有助于将要面对弱光图像的模型；scale 过大会把细节淹没在斑点中。</translation>
    </message>
    <message>
        <source>intensity of one photon (white = 1): 0.01 means 100 photons for white; larger is noisier</source>
        <translation>单个光子的强度（白色 = 1）：0.01 表示白色对应 100 个光子；越大噪声越强</translation>
    </message>
    <message>
        <source>count photons in linear light (the 2.2 gamma undone first), like a camera and albumentations; off: grey levels are photon counts, so the noise grows with brightness</source>
        <translation>在线性光下计数光子（先撤销 2.2 的 gamma），与相机和 albumentations 一致；关闭时把灰阶直接当作光子数，噪声随亮度增大</translation>
    </message>
    <message>
        <source>linear_light</source>
        <translation>线性光</translation>
    </message>
    <message>
        <source>Scales the image, aspect ratio kept, so that its shorter side gets the drawn length (albumentations&apos; SmallestMaxSize, torchvision&apos;s Resize with one number). The classic evaluation recipe resizes the shorter side to 256 and then takes a 224 centre crop; with a range of lengths it is multi-scale training. The longer side grows with the aspect ratio, so follow it with a crop when the network needs a fixed size.</source>
        <translation>保持宽高比缩放图像，使其短边等于抽取的长度（albumentations 的 SmallestMaxSize，torchvision 中只给一个数的 Resize）。经典的评估做法是把短边缩放到 256，再取 224 的中心裁剪；给出一个长度范围时就是多尺度训练。长边随宽高比增长，所以网络需要固定尺寸时要接一个裁剪。</translation>
    </message>
    <message>
        <source>length of the shorter side after resizing; drawn from this range in steps of size_step</source>
        <translation>缩放后短边的长度；按 size_step 的步长从这个范围中抽取</translation>
    </message>
    <message>
        <source>Inverts every pixel at or above the threshold and leaves darker ones alone, the darkroom &apos;Sabattier&apos; look: highlights turn dark while shadows stay. A standard AutoAugment operation that makes models less reliant on absolute brightness. Threshold 0 inverts the whole image, 256 changes nothing; low thresholds are a drastic change.</source>
        <translation>反转所有不低于阈值的像素，较暗的像素保持不变，即暗房中的“萨巴蒂埃效应”：高光变暗而阴影不变。它是 AutoAugment 的标准操作，能让模型不那么依赖绝对亮度。阈值 0 反转整幅图像，256 不做任何改变；阈值低时变化非常剧烈。</translation>
    </message>
    <message>
        <source>pixels &gt;= this level are inverted (torchvision/PIL semantics)</source>
        <translation>不低于该灰度的像素将被反转（torchvision/PIL 语义）</translation>
    </message>
    <message>
        <source>threshold_limit</source>
        <translation>阈值范围</translation>
    </message>
    <message>
        <source>Cuts the image into about n_segments superpixels, compact patches of similar colour (SLIC), and paints a drawn share of them with their mean colour, like a mosaic of flat patches over the photo. It removes texture inside regions while keeping their outlines, pushing a model towards shapes. Segments are found on a copy at most max_size pixels long (cheaper); the patches not replaced keep their full detail. A high share turns the photo into a paint-by-numbers picture.</source>
        <translation>把图像切成大约 n_segments 个超像素，即颜色相近的紧凑小块（SLIC），并把抽取比例的小块涂成各自的平均颜色，就像在照片上铺了一层平涂色块的马赛克。它去掉区域内部的纹理而保留轮廓，促使模型关注形状。分块在长边最多 max_size 像素的副本上计算（更省时）；未被替换的小块保留全部细节。比例很高时照片会变成一幅填色画。</translation>
    </message>
    <message>
        <source>chance for each segment to be replaced by its mean colour</source>
        <translation>每个分块被替换为其平均颜色的概率</translation>
    </message>
    <message>
        <source>p_replace_limit</source>
        <translation>替换比例范围</translation>
    </message>
    <message>
        <source>about how many segments the image is cut into</source>
        <translation>图像大约被切成多少个分块</translation>
    </message>
    <message>
        <source>n_segments_limit</source>
        <translation>分块数范围</translation>
    </message>
    <message>
        <source>segments are computed on a copy whose longer side is at most this</source>
        <translation>分块在长边不超过此值的副本上计算</translation>
    </message>
    <message>
        <source>max_size</source>
        <translation>最大边长</translation>
    </message>
    <message>
        <source>Swaps rows and columns, mirroring the image across its main diagonal (top-left to bottom-right): the top edge becomes the left edge and a W x H image becomes H x W. It equals a quarter turn counter-clockwise followed by a vertical flip. With the two flips and random_rotate90 it spans the 8 symmetries of the square, a free eightfold increase in poses for satellite, aerial and microscope images, where orientation carries no meaning. Wrong wherever up, down, left and right matter.</source>
        <translation>交换行与列，即沿主对角线（左上到右下）镜像图像：上边变成左边，W x H 的图像变成 H x W。它等于先逆时针转四分之一圈再上下翻转。与两种翻转和 random_rotate90 一起，它能得到正方形的全部 8 种对称，对于朝向没有意义的卫星、航拍和显微图像，相当于不花任何代价就把模型见到的姿态增加到八倍。只要上下左右有意义，就不适用。</translation>
    </message>
    <message>
        <source>TrivialAugment (Müller and Hutter 2021), wide version: one operation per image, chosen uniformly from the RandAugment list, at a strength drawn uniformly from its full, wider range (rotate up to 135°, shear 0.99, translate 32 px). Parameter-free and as strong as searched policies on ImageNet/CIFAR. Some draws are extreme (a near-black contrast, a heavy shear), which small datasets or fine-grained labels may not tolerate.</source>
        <translation>TrivialAugment（Müller 与 Hutter，2021），wide 版本：每张图像只做一个操作，从 RandAugment 的操作列表中均匀选取，强度在其完整且更宽的范围内均匀抽取（旋转最多 135°、错切 0.99、平移 32 像素）。无需调参，在 ImageNet/CIFAR 上与搜索得到的策略一样强。有些抽样非常极端（近乎全黑的对比度、大幅错切），小数据集或细粒度标签可能承受不了。</translation>
    </message>
    <message>
        <source>Turns the image upside down. Useful where there is no natural &apos;up&apos;: satellite, aerial and microscope images. Harmful for street scenes, faces, digits (6 and 9) and anything with a sky and a ground.</source>
        <translation>上下翻转图像。适用于没有自然“上方”的图像：卫星、航拍和显微图像。对街景、人脸、数字（6 和 9）以及任何有天空和地面的画面都有害。</translation>
    </message>
    <message>
        <source>Averages the image with copies of itself zoomed about the centre, up to the drawn largest factor, as when the lens zooms during a long exposure: streaks radiate from the centre while the centre itself stays sharp. Models speed and zoom-lens effects in action and vehicle footage; strong factors smear everything near the borders.</source>
        <translation>把图像与围绕中心放大的若干副本取平均，最大放大倍数为抽取的值，就像长曝光时镜头在变焦：条纹从中心向外发散，而中心本身保持清晰。模拟运动和车载画面中的速度感与变焦效果；强烈的倍数会把边缘附近的一切都抹开。</translation>
    </message>
    <message>
        <source>largest zoom of the averaged copies</source>
        <translation>参与平均的副本的最大放大倍数</translation>
    </message>
    <message>
        <source>max_factor_limit</source>
        <translation>最大缩放范围</translation>
    </message>
    <message>
        <source>zoom step between two copies: smaller steps make smoother streaks and cost more</source>
        <translation>相邻两个副本之间的放大步长：步长越小，条纹越平滑，开销也越大</translation>
    </message>
    <message>
        <source>step_factor_limit</source>
        <translation>缩放步长范围</translation>
    </message>
    <message>
        <source>label written into new border area (and into dropout holes where an op&apos;s holes_in_mask is on)</source>
        <translation>写入新边界区域（以及开启了 holes_in_mask 的操作的丢弃孔洞）的标签值</translation>
    </message>
    <message>
        <source>mask_fill</source>
        <translation>掩码填充值</translation>
    </message>
    <message>
        <source>a box whose area left in the image is below this is dropped</source>
        <translation>留在图像内的面积低于此值的框会被丢弃</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>像素²</translation>
    </message>
    <message>
        <source>min_area</source>
        <translation>最小面积</translation>
    </message>
    <message>
        <source>a box is dropped when less than this share of it is left in view</source>
        <translation>框在视野内保留的比例低于此值时被丢弃</translation>
    </message>
    <message>
        <source>min_visibility</source>
        <translation>最小可见比例</translation>
    </message>
    <message>
        <source>a box narrower than this is dropped</source>
        <translation>宽度小于此值的框会被丢弃</translation>
    </message>
    <message>
        <source>a box lower than this is dropped</source>
        <translation>高度小于此值的框会被丢弃</translation>
    </message>
    <message>
        <source>rotated boxes: enclose the moved corners (largest_box) or the moved inscribed ellipse (ellipse, tighter)</source>
        <translation>旋转后的框：包住移动后的四个角（largest_box），或包住移动后的内切椭圆（ellipse，更紧）</translation>
    </message>
    <message>
        <source>box_method</source>
        <translation>框计算方法</translation>
    </message>
    <message>
        <source>largest_box</source>
        <translation>最大外接框</translation>
    </message>
    <message>
        <source>ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>what happens to a keypoint that leaves the image</source>
        <translation>关键点离开图像时如何处理</translation>
    </message>
    <message>
        <source>keypoints_outside</source>
        <translation>图外关键点</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>p</source>
        <translation>概率 p</translation>
    </message>
    <message>
        <source>n</source>
        <translation>数量 n</translation>
    </message>
</context>
</TS>
